/**
 * The s-expression text KiCad's files are made of: a writer with a fixed layout (so that output is
 * byte-identical on every run) and helpers to walk a tree read back by src/sexpr's reader.
 */

// The tree and its typed atoms, and the one reader, live in src/sexpr (not KiCad-specific).
import type { SAtom, SList, SNode, SString } from '../sexpr/index.js';

export type { SAtom, SList, SNode, SString };
export { readSexpr } from '../sexpr/index.js';
// Numbers are written as every text of ours writes millimetres (src/numbers.ts).
import { formatNumber } from '../numbers.js';

export { formatNumber };
// The writer's own atom: interned. Atoms are few words used over and over (`at`, `layer`, `smd`): one frozen object per word, so
// that a library's trees allocate no atom (garbage collection was the largest cost of writing one).
const atoms = new Map<string, SAtom>();
export const atom = (word: string): SAtom => {
  let a = atoms.get(word);
  if (a === undefined) {
    a = Object.freeze({ atom: word });
    atoms.set(word, a);
  }
  return a;
};
export const str = (text: string): SString => ({ str: text });
/** `(head ...rest)` with a bare-word head (the rest array is fresh at every call: it becomes the list). */
export const list = (head: string, ...rest: SNode[]): SList => {
  rest.unshift(atom(head));
  return rest;
};

const NEEDS_ESCAPE = /[\\"\n\r\t]/;

/** KiCad's quoted strings: backslash, double quote and line breaks escaped. */
export function quote(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return '"' + text + '"';
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function isList(node: SNode): node is SList {
  return Array.isArray(node);
}

// The same few hundred numbers (grid steps, pad sizes, fonts) come back thousands of times in a library.
const numberTexts = new Map<number, string>();

function numberText(value: number): string {
  let text = numberTexts.get(value);
  if (text === undefined) {
    text = formatNumber(value);
    if (numberTexts.size < 65_536) numberTexts.set(value, text);
  }
  return text;
}

/**
 * Writes a tree with a fixed layout: a list whose head word is in `blockHeads` keeps its leading
 * atoms on the opening line and puts each later element on its own line, indented by two spaces;
 * every other list is written on one line. The layout depends on the heads only, never on lengths,
 * so that two files of one kind look alike.
 */
export function writeSexpr(node: SNode, blockHeads: ReadonlySet<string> = new Set(), indent = 0): string {
  if (!isBlock(node, blockHeads)) return inline(node);
  // A block's lines go into one array joined once at the end. Growing the whole text with `+=`
  // made one rope node per piece, and a symbol library's rope (hundreds of kilobytes) outlived
  // several young-generation collections that copied it each time. A line itself is short and
  // is still made with `+=` (cheapest in code that runs once).
  const lines: string[] = [];
  writeBlock(node, blockHeads, indent, lines);
  return lines.join('');
}

function inline(node: SNode): string {
  if (typeof node === 'number') return numberText(node);
  if (isList(node)) {
    if (node.length === 0) return '()';
    let text = '(' + inline(node[0]!);
    for (let i = 1; i < node.length; i++) text += ' ' + inline(node[i]!);
    return text + ')';
  }
  return (node as SAtom).atom ?? quote((node as SString).str);
}

/**
 * A constant inline subtree written once, at its first use: the writer puts its text verbatim, as
 * it does an atom's. For the few subtrees that a library repeats thousands of times (a pin's text
 * effects, a pad's layers), which would otherwise be built and written again each time. Only
 * inside a list written on one line: a block's opening line ends at its first list, which this no longer is.
 */
export function prewritten(node: SList): SAtom {
  return Object.freeze({ atom: inline(node) });
}

function isBlock(node: SNode, blockHeads: ReadonlySet<string>): node is SList {
  if (!isList(node)) return false;
  const head = headOf(node);
  return head !== undefined && blockHeads.has(head);
}

const pads: string[] = [];
const padding = (width: number): string => (pads[width] ??= ' '.repeat(width));
const newlinePads: string[] = [];
const newlinePadding = (width: number): string => (newlinePads[width] ??= '\n' + padding(width));

function writeBlock(node: SList, blockHeads: ReadonlySet<string>, indent: number, pieces: string[], more: Iterable<SNode> = []): void {
  let head = 0;
  while (head < node.length && !isList(node[head]!)) head++;
  let opening = '(';
  for (let i = 0; i < head; i++) opening += (i === 0 ? '' : ' ') + inline(node[i]!);
  pieces.push(opening);
  const pad = newlinePadding(indent + 2);
  for (let i = head; i < node.length; i++) writeChild(node[i]!, blockHeads, indent + 2, pad, pieces);
  // Each lazily made child is joined on its own: small arrays that die young, one flat string kept.
  for (const child of more) {
    const own: string[] = [];
    writeChild(child, blockHeads, indent + 2, pad, own);
    pieces.push(own.join(''));
  }
  pieces.push(newlinePadding(indent), ')');
}

// Block subtrees that several trees share (`shared`), with their text at each indent: written once.
const sharedTexts = new WeakMap<SList, Map<number, string>>();

/**
 * Marks a block subtree that several trees hold (a symbol's pins are the same for every symbol of
 * that pin count): the writer makes its text once per indent and reuses it. The tree must not change after.
 */
export function shared<T extends SList>(node: T): T {
  if (!sharedTexts.has(node)) sharedTexts.set(node, new Map());
  return node;
}

function writeChild(child: SNode, blockHeads: ReadonlySet<string>, indent: number, pad: string, pieces: string[]): void {
  pieces.push(pad);
  if (!isBlock(child, blockHeads)) {
    pieces.push(inline(child));
    return;
  }
  const texts = sharedTexts.get(child);
  if (texts !== undefined) {
    let text = texts.get(indent);
    if (text === undefined) {
      const own: string[] = [];
      writeBlock(child, blockHeads, indent, own);
      text = own.join('');
      texts.set(indent, text);
    }
    pieces.push(text);
  } else {
    writeBlock(child, blockHeads, indent, pieces);
  }
}

/**
 * `writeSexpr` of a block list whose later children come one at a time from `more` (after the
 * children `node` already holds): each child's tree is written, then dropped, so that a library of
 * many symbols never holds every tree at once.
 */
export function writeSexprBlock(node: SList, more: Iterable<SNode>, blockHeads: ReadonlySet<string>): string {
  if (!isBlock(node, blockHeads)) throw new TypeError(`writeSexprBlock: (${headOf(node) ?? ''} …) is not a block list`);
  const pieces: string[] = [];
  writeBlock(node, blockHeads, 0, pieces, more);
  return pieces.join('');
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
