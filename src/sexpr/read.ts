import type { A4sError } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import { typedAtom, type SNode } from './tree.js';

/**
 * The one s-expression reader of the project (KiCad's files and netlists): iterative, so that no
 * nesting overflows the stack; depth-limited; it counts lines for the messages; never throws.
 */
export interface SexprSyntaxError extends A4sError {
  readonly code: 'SEXPR_SYNTAX';
  /** 1-based line of the fault; absent for an empty text. */
  readonly line?: number;
}

export interface ReadOptions<A> {
  /** Makes an atom from its text (escapes undone) and whether it was quoted; default: typed atoms. */
  readonly atom?: (text: string, quoted: boolean) => A;
  /** Lists nested deeper than this are refused (default 200: KiCad nests about 10 deep). */
  readonly maxDepth?: number;
  /** Said after "… outside any list", e.g. 'a KiCad netlist starts with (export'. */
  readonly startsWith?: string;
}

/** A tree whose atoms the caller chose (strings, typed atoms …). */
export type Tree<A> = A | Tree<A>[];

export const DEFAULT_MAX_DEPTH = 200;

const syntax = (message: string, line?: number): Result<never, SexprSyntaxError> =>
  fail<SexprSyntaxError>(line === undefined ? { code: 'SEXPR_SYNTAX', message } : { code: 'SEXPR_SYNTAX', message, line });

/**
 * Reads one s-expression document: a single list (KiCad's quoting: "…" with backslash escapes;
 * \n, \r and \t stand for the control characters, any other escaped character for itself).
 */
export function readSexprWith<A>(text: string, options: ReadOptions<A> = {}): Result<Tree<A>, SexprSyntaxError> {
  const makeAtom = options.atom ?? (typedAtom as unknown as (text: string, quoted: boolean) => A);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let i = 0;
  let line = 1;
  const stack: Tree<A>[][] = [];
  let root: Tree<A> | undefined;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
    } else if (ch === '(') {
      if (root !== undefined) return syntax(`line ${line}: text after the end of the document.`, line);
      if (stack.length >= maxDepth) return syntax(`line ${line}: lists nested deeper than ${maxDepth}.`, line);
      stack.push([]);
      i++;
    } else if (ch === ')') {
      const list = stack.pop();
      if (!list) return syntax(`line ${line}: ")" without a matching "(".`, line);
      if (stack.length === 0) root = list;
      else stack[stack.length - 1]!.push(list);
      i++;
    } else {
      let text_ = '';
      const quoted = ch === '"';
      if (quoted) {
        const startLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '\\' && i + 1 < n) {
            const e = text[i + 1]!;
            text_ += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
            if (e === '\n') line++;
            i += 2;
            continue;
          }
          if (c === '"') {
            closed = true;
            i++;
            break;
          }
          if (c === '\n') line++;
          text_ += c;
          i++;
        }
        if (!closed) return syntax(`line ${startLine}: unclosed string.`, startLine);
      } else {
        // A bare word ends at ASCII white space, a bracket or a quote; any other character (a
        // no-break space, a form feed) belongs to it, so that the reader always moves on.
        const start = i;
        while (i < n && !BARE_END.has(text[i]!)) i++;
        text_ = text.slice(start, i);
      }
      if (stack.length === 0)
        return syntax(`line ${line}: "${text_.slice(0, 20)}" outside any list${options.startsWith ? `; ${options.startsWith}` : ''}.`, line);
      stack[stack.length - 1]!.push(makeAtom(text_, quoted));
    }
  }
  if (stack.length > 0) return syntax(`The file ends inside ${stack.length} open list(s): it is truncated.`, line);
  if (root === undefined) return syntax('The file is empty.');
  return ok(root);
}

const BARE_END = new Set([' ', '\t', '\r', '\n', '(', ')', '"']);

/** Reads a document into the typed tree (words, strings, numbers, lists). */
export function readSexpr(text: string, options: Omit<ReadOptions<SNode>, 'atom'> = {}): Result<SNode, SexprSyntaxError> {
  return readSexprWith<SNode>(text, options) as Result<SNode, SexprSyntaxError>;
}

/** Reads a document with every atom as its plain text (quoted or not), as the netlist and footprint readers want. */
export function readSexprText(text: string, options: Omit<ReadOptions<string>, 'atom'> = {}): Result<Tree<string>, SexprSyntaxError> {
  return readSexprWith<string>(text, { ...options, atom: (t) => t });
}
