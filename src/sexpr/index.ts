export { readSexpr, readSexprText, readSexprWith, DEFAULT_MAX_DEPTH, type ReadOptions, type SexprSyntaxError, type Tree } from './read.js';
export { atom, str, typedAtom, type SAtom, type SList, type SNode, type SString } from './tree.js';
export { SEXPR_CODES } from './codes.js';
