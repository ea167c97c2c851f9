import { EXIT_CLASS, type ErrorCode } from '../errors.js';
import { EXIT, type PartGiven } from './io.js';

/**
 * The one conversion of an error to the exit code: its code's exit class (src/errors.ts, EXIT_CLASS).
 * Usage and input errors are 2; an answer about the part asked (an invalid or unlisted part number)
 * or a finding is 1, but a part number given to an option of another command (`verify-footprint
 * --part`) is a usage error, 2.
 */
export function exitCodeOf(code: ErrorCode, partGiven: PartGiven = 'asked'): number {
  const exitClass = EXIT_CLASS[code];
  if (exitClass === 'usage' || exitClass === 'input') return EXIT.USAGE;
  return exitClass === 'answer' && partGiven === 'option' ? EXIT.USAGE : EXIT.FINDINGS;
}
