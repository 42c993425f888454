export * from '../builtins/keywords';
export * from './tokens';
export * from './lexer';
