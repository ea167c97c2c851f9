/** A bare word (`smd`, `F.Cu`), a quoted string, a number, or a list: the typed atoms of the tree. */
export type SNode = SAtom | SString | number | SList;
export interface SAtom {
  readonly atom: string;
}
export interface SString {
  readonly str: string;
}
export type SList = readonly SNode[];

export const atom = (word: string): SAtom => ({ atom: word });
export const str = (text: string): SString => ({ str: text });

const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;
/** The typed atom of a token: a quoted string, a number when the bare word is one, else a word. */
export const typedAtom = (text: string, quoted: boolean): SNode => (quoted ? str(text) : NUMBER.test(text) ? Number(text) : atom(text));
