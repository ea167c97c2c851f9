import { fail, ok, type Result } from './result.js';

/**
 * The small parsers of option values as users type them (CLI options, API query parameters, the
 * page's URL and inputs): one wording of each error for every face. `label` is how the face names the
 * option in messages ("--pins" for the CLI, "pins" elsewhere). An option not given (undefined) is no error.
 * The options the three faces share are defined once in `OPTIONS` below (name, bounds, form, code,
 * message); the CLI, the server's query schemas and the page parse them with `parseOption`.
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

type ErrorCodeOf<R> = R extends { readonly ok: false; readonly error: { readonly code: infer C } } ? C : never;
/** A code of the registry (src/errors.ts), named through result.ts: this file imports only result.ts. */
type OptionErrorCode = ErrorCodeOf<Result<never>>;

/**
 * How an option's value is written:
 * - `count`: a whole number written in digits, which may be grouped by threes with one separator
 *   (12000, 12,000, 12 000, 12_000, 12'000), as the CLI and the page print counts and as people
 *   copy them; a dot is not taken (12.000 is twelve in English, twelve thousand elsewhere), nor a
 *   sign, a fraction (5.0), an exponent (1e3) or another base (0x10).
 * - `decimal`: a plain decimal (PLAIN_DECIMAL: an optional sign, digits, an optional fraction; .5
 *   and 5. too), never grouped (12,5 is a decimal comma in half the world), no exponent or base.
 * Spaces around the value are forgiven in both.
 */
export type OptionForm = 'count' | 'decimal';

/** One option as every face takes it. */
export interface OptionSpec {
  /** How the CLI names it in messages (`--boards`, or `quantity` for the order's argument). */
  readonly cli: string;
  /** The API's query parameter. */
  readonly query: string;
  /** The page's label of its input ('' when the page has no such input). */
  readonly page: string;
  readonly form: OptionForm;
  /** The smallest value; for a `decimal` option, exclusive ("greater than 0") when `minExclusive`. */
  readonly min: number;
  readonly minExclusive?: boolean;
  readonly max: number;
  /** The code of a refused value. */
  readonly code: OptionErrorCode;
  /** The code of a count over `max`, when it is not `code` (an order of more than 10⁹ pieces). */
  readonly tooLargeCode?: OptionErrorCode;
}

/**
 * The options the CLI, the API and the page share, each written once. The bounds: boards and order
 * pieces 10⁹ (assumed: beyond any plausible build or order; MAX_ORDER_PIECES reads it); the IR-drop
 * threshold 1,000,000 mV and the neighbour margin 100,000 V are the pin-map document's sanity bounds
 * for the same quantities (SANE.millivolts, SANE.voltageV in src/checks/schema.ts; a test checks
 * that they agree).
 */
export const OPTIONS = {
  boards: { cli: '--boards', query: 'boards', page: 'Boards to build', form: 'count', min: 1, max: 1_000_000_000, code: 'BAD_OPTION' },
  quantity: {
    cli: 'quantity',
    query: 'qty',
    page: 'Pieces needed',
    form: 'count',
    min: 1,
    max: 1_000_000_000,
    code: 'ORDER_BAD_QUANTITY',
    tooLargeCode: 'ORDER_QUANTITY_TOO_LARGE',
  },
  irDropThresholdMv: {
    cli: '--ir-drop-threshold-mv',
    query: 'ir-drop-threshold-mv',
    page: '',
    form: 'decimal',
    min: 0,
    minExclusive: true,
    max: 1_000_000,
    code: 'BAD_OPTION',
  },
  maxNeighbourV: { cli: '--max-neighbour-v', query: '', page: '', form: 'decimal', min: 0, minExclusive: true, max: 100_000, code: 'BAD_OPTION' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** A count as written: digits, or digits grouped by threes with one separator used throughout. */
const COUNT = /^(?:\d+|\d{1,3}([,_' \u00a0\u202f])\d{3}(?:\1\d{3})*)$/;

/** The text an option accepts, as a pattern (the API's OpenAPI document states it); the bounds are checked apart. */
export function optionPattern(spec: OptionSpec): string {
  return `^\\s*${spec.form === 'count' ? COUNT.source.slice(1, -1) : PLAIN_DECIMAL.source.slice(1, -1)}\\s*$`;
}

/** 1000000000 → 1,000,000,000 (this file imports nothing but result.ts, so not numbers.ts's groupDigits). */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** The end of a message after `label "value"`: what the option expects. */
export function optionExpected(spec: OptionSpec): string {
  if (spec.form === 'decimal') return numberExpected(decimalBounds(spec));
  return `is not a whole number from ${grouped(spec.min)} to ${grouped(spec.max)} (digits, which may be grouped by threes: 12000, 12,000, 12 000).`;
}

const decimalBounds = (spec: OptionSpec): NumberBounds => ({ min: spec.minExclusive && spec.min === 0 ? Number.MIN_VALUE : spec.min, max: spec.max });

/** A value echoed in a message: long ones cut (a 400-digit number is refused, not printed whole). */
const shown = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * The value of a shared option as a face received it (undefined: not given), or its error: the
 * spec's code and `label "value" <optionExpected(spec)>`, the same on every face but for the label.
 */
export function parseOption(spec: OptionSpec, label: string, text: string | undefined): Result<number | undefined> {
  if (text === undefined) return ok(undefined);
  if (spec.form === 'decimal') {
    const parsed = parseNumberOption(label, text, decimalBounds(spec));
    return parsed.ok ? parsed : fail({ code: spec.code, message: `${label} "${shown(text)}" ${optionExpected(spec)}` });
  }
  const t = text.trim();
  const m = COUNT.exec(t);
  const n = m ? Number(m[1] === undefined ? t : t.split(m[1]).join('')) : Number.NaN;
  if (Number.isFinite(n) && n >= spec.min && n <= spec.max) return ok(n);
  const code = Number.isNaN(n) || n < spec.min ? spec.code : (spec.tooLargeCode ?? spec.code);
  return fail({ code, message: `${label} "${shown(text)}" ${optionExpected(spec)}` });
}
