import { fail, ok, type Result } from './result.js';

/**
 * The small parsers of option values as users type them (CLI options, API query parameters, the
 * page's URL): one wording of each error for every face. `label` is how the face names the option
 * in messages ("--pins" for the CLI, "pins" elsewhere). An option not given (undefined) is no error.
 */

/** A plain decimal: digits with an optional sign and fraction. Not hex (0x10), binary (0b11), octal, exponents (1e3), Infinity or separators. */
export const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** Digits only, the way counts are written; a sign or a decimal point is a typo there. */
const DIGITS = /^\s*\d{1,9}\s*$/;

export interface NumberBounds {
  readonly integer?: boolean;
  /** Number.MIN_VALUE reads "greater than 0". */
  readonly min?: number;
  readonly max?: number;
  /** Accept digits only (counts such as pins), not every plain decimal. */
  readonly digitsOnly?: boolean;
}

/** The end of a message after `label "value"`: what the option expects. */
export function numberExpected({ integer = false, min = -Infinity, max = Infinity }: NumberBounds): string {
  const low = min === Number.MIN_VALUE ? ' greater than 0' : Number.isFinite(min) ? ` from ${min}` : '';
  const high = Number.isFinite(max) ? ` to ${max}` : '';
  return `is not ${integer ? 'an integer' : 'a decimal number'}${low}${high}.`;
}

export const choiceExpected = (choices: readonly string[]): string => `must be one of: ${choices.join(', ')}.`;

export const FLAG_EXPECTED = 'must be true or false (or given without a value).';
/** The texts a flag takes ('' is a flag given without a value, as in ?inspection). */
export const FLAG_TEXTS = ['', 'true', 'false', '1', '0'] as const;

const bad = (label: string, value: string, expected: string) => fail({ code: 'BAD_OPTION', message: `${label} "${value}" ${expected}` });

export function parseNumberOption(label: string, value: string | undefined, bounds: NumberBounds = {}): Result<number | undefined> {
  if (value === undefined) return ok(undefined);
  const { integer = false, min = -Infinity, max = Infinity } = bounds;
  const n = (bounds.digitsOnly ? DIGITS.test(value) : PLAIN_DECIMAL.test(value.trim())) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) return bad(label, value, numberExpected(bounds));
  return ok(n);
}

export function parseChoiceOption<T extends string>(label: string, value: string | undefined, choices: readonly T[]): Result<T | undefined> {
  if (value === undefined) return ok(undefined);
  return (choices as readonly string[]).includes(value) ? ok(value as T) : bad(label, value, choiceExpected(choices));
}

/** A flag: absent or false/0 is off; given without a value, true or 1 is on (a CLI flag arrives as a boolean). */
export function parseFlagOption(label: string, value: string | boolean | undefined): Result<boolean> {
  if (value === undefined || value === false || value === 'false' || value === '0') return ok(false);
  if (value === true || value === '' || value === 'true' || value === '1') return ok(true);
  return bad(label, value, FLAG_EXPECTED);
}
