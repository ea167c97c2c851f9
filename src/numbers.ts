/**
 * Number and name formatting for reports, without ICU. `toLocaleString('en-US')` and `localeCompare`
 * load ICU's data at their first call (15-20 ms, most of a short command's own time); these give the
 * same text and order for what reports hold (whole numbers, plain net names) and defer to ICU for the
 * rest. `src/numbers.test.ts` proves both against ICU on random inputs.
 */

/** `n.toLocaleString('en-US')`: digit groups of three ("12,000"). */
export function groupDigits(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21 || Object.is(n, -0)) return n.toLocaleString('en-US');
  const text = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && (text.length - i) % 3 === 0) out += ',';
    out += text[i];
  }
  return n < 0 ? `-${out}` : out;
}

const PLAIN_NAME = /^[A-Za-z0-9_]*$/;

/** ICU root collation's primary order for the characters of a plain name: "_" < digits < letters (case aside). */
function primary(code: number): number {
  if (code === 95) return 0; // _
  if (code <= 57) return 1 + code - 48; // 0-9
  return 11 + ((code | 32) - 97); // A-Z, a-z
}

/**
 * `a.localeCompare(b)` for names of letters, digits and "_" (net names, finding codes): the letters
 * compared without case first, then, at the first difference of case, lower case first. Other
 * names go to localeCompare.
 */
export function compareNames(a: string, b: string): number {
  if (!PLAIN_NAME.test(a) || !PLAIN_NAME.test(b)) return a.localeCompare(b);
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = primary(a.charCodeAt(i)) - primary(b.charCodeAt(i));
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1; // same letter, other case: lower case (the larger code) first
  }
  return 0;
}

/**
 * Numbers in millimetres, rounded to 1 nm (KiCad's internal unit), written without exponent,
 * trailing zeros or a negative zero: 0.1 + 0.2 prints "0.3".
 */
export function formatNumber(value: number): string {
  // Coordinates and format versions stay far below this; beyond it toFixed would write an exponent.
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) throw new RangeError(`cannot write ${value} into a KiCad file`);
  const rounded = Math.round(value * 1e6) / 1e6 + 0;
  const text = String(rounded);
  if (!text.includes('e')) return text;
  return rounded.toFixed(6).replace(/\.?0+$/, '');
}
