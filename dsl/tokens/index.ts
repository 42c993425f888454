export * from './keywords';
export * from './tokens';
export * from './lexer';
