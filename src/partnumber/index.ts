export {
  normalizePartNumber,
  parsePartNumber,
  formatPartNumber,
  formatPartNumberPattern,
  grammarOf,
  escapeRegExp,
  MAX_INPUT_LENGTH,
  type CompiledGrammar,
  type PartNumberFields,
  type ParseResult,
} from './grammar.js';
export { findPartNumbers, findPartNumber, partNumberInText, type FindOptions, type Looseness, type PartNumberMatch } from './match.js';
export { checkPartNumber, RENAMED_SOURCE, nearestStandard, editDistance, fieldsOf, type PartNumberCheck, type PartNumberStatus } from './validate.js';
