export * from './types';
export * from './functions';
export * from './vocabulary';
