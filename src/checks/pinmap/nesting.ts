import { CST, Lexer, Parser } from 'yaml';

/**
 * Nesting limit of a pin map (YAML or JSON). The deepest field of the document is 4 levels down
 * (connectors → item → boards → name); 32 leaves room for any layout and stops input that would make
 * the YAML composer, `toJS` or zod recurse until the stack overflows (thousands of `[`).
 */
export const MAX_PIN_MAP_DEPTH = 32;

export interface NestingTooDeep {
  readonly depth: number;
  readonly line: number;
}

const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * Null when the YAML/JSON text nests at most `limit` collections deep, else where it goes deeper.
 * Never recurses. First a lexer pass (lazy, stops at the limit): flow collections (`[`, `{`) are
 * counted exactly; block collections are bounded from each line's indentation and indicators
 * (a block collection starts at a column no smaller than its parent's, at most two share a column,
 * and one that starts mid-line follows a `-`, `?` or `:`). Only when that bound passes the limit is
 * the exact depth taken from the concrete syntax tree (slower, walked with an explicit stack).
 */
export function tooDeep(text: string, limit = MAX_PIN_MAP_DEPTH): NestingTooDeep | null {
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let atLineStart = true;
  let skipNext = false;
  let offset = 0;
  let needsExact = false;
  // Indicators opening a line ("- - - x", "? - x"): each opens a collection inside the previous one (exact).
  let leading = 0;
  let onlyIndicators = true;
  for (const token of new Lexer().lex(text)) {
    const start = offset;
    offset += token.length;
    if (skipNext) {
      // The source of a scalar (after its \u001f marker): content, not structure.
      skipNext = false;
      atLineStart = false;
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'scalar') {
      skipNext = true;
      continue;
    }
    if (type === 'newline') {
      atLineStart = true;
      indent = 0;
      indicators = 0;
      leading = 0;
      onlyIndicators = true;
      continue;
    }
    if (type === 'space') {
      if (atLineStart) indent = token.length;
      atLineStart = false;
      continue;
    }
    atLineStart = false;
    if (flow === 0 && onlyIndicators && (type === 'seq-item-ind' || type === 'explicit-key-ind')) {
      leading++;
      if (leading > limit) return { depth: leading, line: lineAt(text, start) };
    } else {
      onlyIndicators = false;
    }
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      flow++;
      if (flow > limit) return { depth: flow, line: lineAt(text, start) };
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') {
      flow = Math.max(0, flow - 1);
    } else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')) {
      indicators++;
    }
    if (!needsExact && 2 * (indent + 1 + indicators) + flow > limit) needsExact = true;
  }
  return needsExact ? exactDepth(text, limit) : null;
}

interface CstNode {
  readonly offset?: number;
  readonly items?: readonly { readonly key?: unknown; readonly value?: unknown }[];
  readonly value?: unknown;
}

/** The exact nesting depth from the CST (yaml's Parser keeps its own stack: no recursion). */
function exactDepth(text: string, limit: number): NestingTooDeep | null {
  const stack: [CstNode, number][] = [];
  for (const token of new Parser().parse(text)) stack.push([token as CstNode, 0]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (Array.isArray(node.items)) {
      const inner = depth + 1;
      if (inner > limit) return { depth: inner, line: lineAt(text, node.offset ?? 0) };
      for (const item of node.items) {
        if (item.key && typeof item.key === 'object') stack.push([item.key as CstNode, inner]);
        if (item.value && typeof item.value === 'object') stack.push([item.value as CstNode, inner]);
      }
    } else if (node.value && typeof node.value === 'object') {
      stack.push([node.value as CstNode, depth]);
    }
  }
  return null;
}
