export * from './checker';
export * from './symbols';
