export * from './checker';
export * from './symbols';
export * from './program';
