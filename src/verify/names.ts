import { commonestSizePads } from './frame.js';
import type { FootprintPad } from './read.js';

/**
 * How the contact pads are named, when not 1 … N: Eagle-style names with one common prefix
 * (`P$1` … `P$10`: the number is in the name), or names by rows (`A1` … `A5`, `B1` … `B5`: a row
 * letter and a position, which say nothing of Panasonic's pin numbers). Either way the pads get
 * working numbers so that the geometry can be compared; what the numbers rest on is said.
 */
export type NameReading =
  | { readonly kind: 'numbers' }
  | {
      readonly kind: 'prefixed';
      readonly prefix: string;
      /** Pad name → its number. */
      readonly numberOf: ReadonlyMap<string, string>;
    }
  | {
      readonly kind: 'rows';
      /** The two row names, in the order read: the first is taken as the odd row (its "1" as pin 1). */
      readonly rows: readonly [string, string];
      /** Pad name → the working number of the reading (row 1 position k → 2k − 1, row 2 position k → 2k). */
      readonly numberOf: ReadonlyMap<string, string>;
      readonly perRow: number;
    };

const NAMED = /^(.*?)(\d+)$/;

/** Splits names into prefix and number; null when one of them is not "prefix + digits". */
function split(pads: readonly FootprintPad[]): { prefix: string; n: number; name: string }[] | null {
  const out: { prefix: string; n: number; name: string }[] = [];
  for (const p of pads) {
    const m = NAMED.exec(p.number);
    if (!m) return null;
    out.push({ prefix: m[1]!, n: Number(m[2]), name: p.number });
  }
  return out;
}

const onceEach = (ns: readonly number[], count: number) => ns.length === count && new Set(ns).size === count && ns.every((n) => n >= 1 && n <= count);

export function readPadNames(pads: readonly FootprintPad[], pins: number): NameReading {
  const numbered = pads.filter((p) => /^\d+$/.test(p.number) && Number(p.number) >= 1 && Number(p.number) <= pins);
  if (numbered.length >= pins) return { kind: 'numbers' };
  const contacts = commonestSizePads(pads);
  if (contacts.length !== pins) return { kind: 'numbers' };
  const parts = split(contacts);
  if (!parts) return { kind: 'numbers' };
  const prefixes = [...new Set(parts.map((q) => q.prefix))].sort();
  // Names must be unique, or no reading can give each pad a number.
  if (new Set(parts.map((q) => q.name)).size !== parts.length) return { kind: 'numbers' };
  if (
    prefixes.length === 1 &&
    prefixes[0] !== '' &&
    onceEach(
      parts.map((q) => q.n),
      pins,
    )
  ) {
    return { kind: 'prefixed', prefix: prefixes[0]!, numberOf: new Map(parts.map((q) => [q.name, String(q.n)])) };
  }
  if (prefixes.length === 2 && prefixes.every((x) => x !== '')) {
    const perRow = pins / 2;
    const [first, second] = prefixes as [string, string];
    const ns = (x: string) => parts.filter((q) => q.prefix === x).map((q) => q.n);
    if (onceEach(ns(first), perRow) && onceEach(ns(second), perRow)) {
      const numberOf = new Map(parts.map((q) => [q.name, String(q.prefix === first ? 2 * q.n - 1 : 2 * q.n)]));
      return { kind: 'rows', rows: [first, second], numberOf, perRow };
    }
  }
  return { kind: 'numbers' };
}

/** The pads with the reading's working numbers (other pads unchanged). */
export function renumber(pads: readonly FootprintPad[], reading: NameReading): FootprintPad[] {
  if (reading.kind === 'numbers') return [...pads];
  return pads.map((p) => {
    const n = reading.numberOf.get(p.number);
    return n === undefined ? p : { ...p, number: n };
  });
}

/** Working number → the name in the file (to report pads as the file names them). */
export function namesBack(reading: NameReading): (n: string) => string {
  if (reading.kind === 'numbers') return (n) => n;
  const back = new Map([...reading.numberOf].map(([name, n]) => [n, name]));
  return (n) => back.get(n) ?? n;
}
