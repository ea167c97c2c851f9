export {
  normalizePartNumber,
  parsePartNumber,
  formatPartNumber,
  partNumberInText,
  MAX_INPUT_LENGTH,
  type PartNumberFields,
  type ParseResult,
} from './grammar.js';
export { checkPartNumber, RENAMED_SOURCE, nearestStandard, editDistance, fieldsOf, type PartNumberCheck, type PartNumberStatus } from './validate.js';
