/**
 * The s-expression text KiCad's files are made of: a writer with a fixed layout (so that output is
 * byte-identical on every run) and helpers to walk a tree read back by src/sexpr's reader.
 */

// The tree and its typed atoms, and the one reader, live in src/sexpr (not KiCad-specific).
import { atom, str, type SAtom, type SList, type SNode, type SString } from '../sexpr/index.js';

export { atom, str, type SAtom, type SList, type SNode, type SString };
export { readSexpr } from '../sexpr/index.js';
/** `(head ...rest)` with a bare-word head. */
export const list = (head: string, ...rest: SNode[]): SList => [atom(head), ...rest];

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

const NEEDS_ESCAPE = /[\\"\n\r\t]/;

/** KiCad's quoted strings: backslash, double quote and line breaks escaped. */
export function quote(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return '"' + text + '"';
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function isList(node: SNode): node is SList {
  return Array.isArray(node);
}

function inline(node: SNode): string {
  if (typeof node === 'number') return formatNumber(node);
  if (isList(node)) {
    let text = '(';
    for (let i = 0; i < node.length; i++) text += (i === 0 ? '' : ' ') + inline(node[i]!);
    return text + ')';
  }
  if ('atom' in node) return node.atom;
  return quote(node.str);
}

/**
 * Writes a tree with a fixed layout: a list whose head word is in `blockHeads` keeps its leading
 * atoms on the opening line and puts each later element on its own line, indented by two spaces;
 * every other list is written on one line. The layout depends on the heads only, never on lengths,
 * so that two files of one kind look alike.
 */
export function writeSexpr(node: SNode, blockHeads: ReadonlySet<string> = new Set(), indent = 0): string {
  if (!isList(node) || !blockHeads.has(headOf(node) ?? '')) return inline(node);
  let head = 0;
  while (head < node.length && !isList(node[head]!)) head++;
  const pad = ' '.repeat(indent + 2);
  const opening = `(${node.slice(0, head).map(inline).join(' ')}`;
  const rest = node.slice(head).map((child) => `\n${pad}${writeSexpr(child, blockHeads, indent + 2)}`);
  return `${opening}${rest.join('')}\n${' '.repeat(indent)})`;
}

/** Helpers for reading a tree back: the head word of a list, and its children with a given head. */
export function headOf(node: SNode): string | undefined {
  if (!isList(node) || node.length === 0) return undefined;
  const first = node[0]!;
  return typeof first === 'object' && !isList(first) && 'atom' in first ? first.atom : undefined;
}

export function childrenNamed(node: SNode, head: string): SList[] {
  return isList(node) ? (node.filter((c) => isList(c) && headOf(c) === head) as SList[]) : [];
}

export function childNamed(node: SNode, head: string): SList | undefined {
  return childrenNamed(node, head)[0];
}

/** The plain value of an atom, string or number (for comparisons in tests and readers). */
export function valueOf(node: SNode | undefined): string | number | undefined {
  if (node === undefined || isList(node)) return undefined;
  if (typeof node === 'number') return node;
  return 'atom' in node ? node.atom : node.str;
}
