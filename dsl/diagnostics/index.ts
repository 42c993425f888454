export * from './diagnostic';
export * from './codes';
