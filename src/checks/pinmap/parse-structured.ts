import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { MAX_PIN_MAP_DEPTH, tooDeep } from './nesting.js';
import { pinMapDocumentFor } from './schema.js';
import { builtInSeries, type Series } from '../../catalog/index.js';
import { failAt as fail, type InputError, type NetSpec, type PinAssignment, type PinMapInput } from '../types.js';
import type { Result } from '../../result.js';
import { lineField, assignment, parseNetShorthand, pinNumberMax, pinOutOfRange } from './parse-common.js';

/** Pin maps in YAML and JSON: bounded parse, duplicate keys, schema errors with their line and field. */

/**
 * Bound on the parser's work: the structural characters of a YAML/JSON document (brackets, braces,
 * commas, colons, line breaks), counted in one pass before any parse. An 80-pin map with every field
 * has about 1,500; 10,000 keeps the YAML parser well under a second on any input within the size limit.
 */
export const MAX_PIN_MAP_ITEMS = 10_000;

/**
 * Structural characters of a YAML/JSON text (an upper bound of its nodes), counted up to `limit` + 1,
 * and the deepest run of open brackets and braces met (quotes not parsed: a rough figure, used only
 * to name why a text over the count is refused).
 */
export function structuralCount(text: string, limit: number): { count: number; flowDepth: number } {
  let count = 0;
  let depth = 0;
  let flowDepth = 0;
  for (let i = 0; i < text.length && count <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      count++;
      depth++;
      if (depth > flowDepth) flowDepth = depth;
    } else if (c === 0x5d || c === 0x7d) {
      count++;
      if (depth > 0) depth--;
    } else if (c === 0x2c || c === 0x3a || c === 0x0a) count++; // , : line break
  }
  return { count, flowDepth };
}

export function parseStructured(
  text: string,
  format: 'yaml' | 'json',
  series: Series = builtInSeries,
): Result<PinMapInput & { partLine?: number }, InputError> {
  const structure = structuralCount(text, MAX_PIN_MAP_ITEMS);
  if (structure.count > MAX_PIN_MAP_ITEMS) {
    if (structure.flowDepth > MAX_PIN_MAP_DEPTH) return tooDeepError(format, `opens more than ${MAX_PIN_MAP_DEPTH} brackets or braces in a row`);
    return fail(
      'PINMAP_TOO_LARGE',
      `The ${format.toUpperCase()} has more than ${MAX_PIN_MAP_ITEMS} brackets, commas, colons and lines; a pin map of an 80-pin part has about 1,500. It is not read.`,
    );
  }
  // Checked before any recursive step (yaml's composer, toJS, zod): thousands of `[` would overflow the stack.
  const deep = tooDeep(text);
  if (deep) return tooDeepError(format, `goes more than ${MAX_PIN_MAP_DEPTH} levels deep at line ${deep.line}`, deep.line);
  try {
    return readStructured(text, format, series);
  } catch (err) {
    // Aliases can still build a deep value from shallow text; never show the engine's message.
    if (err instanceof RangeError) return tooDeepError(format, 'builds a value nested too deep (through aliases)');
    throw err;
  }
}

export function tooDeepError(format: 'yaml' | 'json', what: string, line?: number): Result<never, InputError> {
  return fail(
    'PINMAP_TOO_DEEP',
    `The ${format.toUpperCase()} ${what}; a pin map needs 4 levels at most (connectors → item → boards → name), and more than ${MAX_PIN_MAP_DEPTH} levels are not read.`,
    line ? { line } : {},
  );
}

export function readStructured(text: string, format: 'yaml' | 'json', series: Series = builtInSeries): Result<PinMapInput & { partLine?: number }, InputError> {
  const lineCounter = new LineCounter();
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (err) {
      return fail('PINMAP_SYNTAX', `Malformed JSON: ${(err as Error).message}`, jsonErrorPosition(text, (err as Error).message));
    }
  }
  // JSON is read again through the YAML parser (JSON is YAML 1.2) to know the line of every value
  // and to see duplicated keys, which JSON.parse silently merges.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    return fail('PINMAP_SYNTAX', `Malformed ${format.toUpperCase()} at line ${pos.line}, column ${pos.col}: ${e.message.split('\n')[0]}`, {
      line: pos.line,
      column: pos.col,
    });
  }
  const duplicate = duplicateKey(doc, lineCounter);
  if (duplicate) {
    return fail(
      'PINMAP_DUPLICATE_KEY',
      `line ${duplicate.line ?? '?'}: key "${duplicate.key}" appears twice in ${duplicate.path || 'the document'}${duplicate.firstLine ? ` (first on line ${duplicate.firstLine})` : ''}; a reader would keep only one of them. Keep one.`,
      { ...lineField(duplicate.line), field: duplicate.path ? `${duplicate.path}.${duplicate.key}` : duplicate.key },
    );
  }
  const radix = nonDecimalNumber(doc, lineCounter);
  if (radix) {
    return fail(
      'PINMAP_FIELD',
      `line ${radix.line ?? '?'}: ${radix.source} is written in ${radix.base}; write pin numbers, currents and voltages as plain decimals (YAML would read 0x10 as 16).`,
      lineField(radix.line),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof RangeError) throw err;
    return fail('PINMAP_SYNTAX', `The ${format.toUpperCase()} cannot be read: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('PINMAP_FIELD', 'The pin map must be a mapping with at least `pins:` (see the JSON Schema: `a4s check --schema`).', { line: 1 });
  }
  // Pin keys must be pin numbers (checked here, so that "__proto__" is not dropped by zod's record
  // parser); net names go through zod under stand-in keys: a record parser assigns keys to a plain
  // object, where "__proto__" would set the prototype and vanish.
  const pinsValue = (value as Record<string, unknown>)['pins'];
  if (pinsValue !== null && typeof pinsValue === 'object' && !Array.isArray(pinsValue)) {
    const bad = Object.keys(pinsValue).find((k) => !/^[0-9]+$/.test(k));
    if (bad !== undefined) {
      const line = nodeLine(doc, lineCounter, ['pins', bad], true);
      return fail('PINMAP_FIELD', `pins.${bad}${line ? ` (line ${line})` : ''}: pin keys are pin numbers (1, 2, …)`, {
        field: `pins.${bad}`,
        ...lineField(line),
      });
    }
  }
  const escaped = escapeRecords(value as Record<string, unknown>);
  const result = pinMapDocumentFor(series).safeParse(escaped.value);
  if (!result.success) return zodFailure(result.error, doc, lineCounter, escaped.realKey);
  const document = result.data;
  const lineOf = (path: readonly (string | number)[]) => nodeLine(doc, lineCounter, path);

  const pins: PinAssignment[] = [];
  if (Array.isArray(document.pins)) {
    document.pins.forEach((p, i) => pins.push(assignment(p.pin, p, lineOf(['pins', i]))));
  } else if (document.pins) {
    // Keys were checked unique above; aliases were resolved by toJS (`40: *gnd` is GND).
    for (const [key, v] of Object.entries(document.pins)) {
      const line = nodeLine(doc, lineCounter, ['pins', key], true);
      const pin = Number(key);
      if (!Number.isInteger(pin) || pin < 1 || pin > pinNumberMax(series)) {
        return fail('PINMAP_RANGE', pinOutOfRange(`pins.${key}: pin ${key}`, series), {
          field: `pins.${key}`,
          ...lineField(line),
        });
      }
      pins.push(assignment(pin, typeof v === 'string' || v === null ? { net: v } : v, line));
    }
  }
  const nets: Record<string, NetSpec> = Object.create(null) as Record<string, NetSpec>;
  for (const [stand, spec] of Object.entries(document.nets ?? {})) {
    const name = escaped.realKey('nets', stand);
    if (typeof spec === 'string') {
      const s = parseNetShorthand(spec);
      if (!s.ok) return fail(s.error.code, `nets.${name}: ${s.error.message}`, { field: `nets.${name}`, ...lineField(lineOf(['nets', name])) });
      nets[name] = s.value;
    } else {
      nets[name] = spec;
    }
  }
  const temperature = document.conditions?.ambientTemperatureC;
  if (temperature && temperature.min > temperature.max) {
    return fail('PINMAP_RANGE', `conditions.ambientTemperatureC: min ${temperature.min} °C is above max ${temperature.max} °C.`, {
      field: 'conditions.ambientTemperatureC',
      ...lineField(lineOf(['conditions', 'ambientTemperatureC'])),
    });
  }
  const partLine = lineOf(['part']);
  return {
    ok: true,
    value: {
      part: document.part ?? null,
      mate: document.mate ?? null,
      pinCount: document.pinCount ?? null,
      pins,
      nets,
      conditions: document.conditions ?? {},
      connectors: document.connectors ?? [],
      irDropThresholdMv: document.irDropThresholdMv ?? null,
      ...(document.maxNeighbourV !== undefined ? { maxNeighbourV: document.maxNeighbourV } : {}),
      ...(partLine ? { partLine } : {}),
    },
  };
}

/** Replaces the keys of `nets` (when a map) by "#0", "#1" … and gives the real key back. */
export function escapeRecords(value: Record<string, unknown>): { value: Record<string, unknown>; realKey: (field: string, key: string) => string } {
  const names: Record<string, string[]> = { nets: [] };
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (key === 'nets' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      names[key] = keys;
      out[key] = Object.fromEntries(keys.map((k, i) => [`#${i}`, (v as Record<string, unknown>)[k]]));
    } else {
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  const realKey = (field: string, key: string) => {
    const m = /^#(\d+)$/.exec(key);
    return m && field === 'nets' ? (names['nets']![Number(m[1])] ?? key) : key;
  };
  return { value: { ...out }, realKey };
}

/** The first key given twice in one mapping, anywhere in the document (YAML or JSON). */
export function duplicateKey(
  doc: Document,
  lineCounter: LineCounter,
): { key: string; path: string; line: number | undefined; firstLine: number | undefined } | null {
  let found: { key: string; path: string; line: number | undefined; firstLine: number | undefined } | null = null;
  visit(doc, {
    Map(_, node, path) {
      const seen = new Map<string, number | undefined>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const line = rangeLine(pair.key, lineCounter);
        if (seen.has(key)) {
          const keys: string[] = [];
          for (const step of path) if (isPair(step)) keys.push(isScalar(step.key) ? String(step.key.value) : String(step.key));
          found = { key, path: keys.join('.'), line, firstLine: seen.get(key) };
          return visit.BREAK;
        }
        seen.set(key, line);
      }
      return undefined;
    },
  });
  return found;
}

/** The first number written in hex or octal (YAML 1.2 reads `0x10` as 16, `0o17` as 15): a typo in a pin map, not a value. */
export function nonDecimalNumber(doc: Document, lineCounter: LineCounter): { source: string; base: string; line: number | undefined } | null {
  let found: { source: string; base: string; line: number | undefined } | null = null;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'number' || (node.format !== 'HEX' && node.format !== 'OCT')) return undefined;
      found = {
        source: node.source ?? String(node.value),
        base: node.format === 'HEX' ? 'hexadecimal' : 'octal',
        line: node.range ? lineCounter.linePos(node.range[0]).line : undefined,
      };
      return visit.BREAK;
    },
  });
  return found;
}

/** The first zod issue, with its line (from the YAML nodes) and a code: ranges vs. types. */
export function zodFailure(
  error: z.ZodError,
  doc: Document,
  lineCounter: LineCounter,
  realKey: (field: string, key: string) => string,
): Result<never, InputError> {
  const issue = deepestIssue(error.issues);
  const path = issue.path
    .filter((s): s is string | number => typeof s !== 'symbol')
    .map((s, i, all) => (i === 1 && typeof s === 'string' && typeof all[0] === 'string' ? realKey(all[0], s) : s));
  let field = path.join('.');
  let line = nodeLine(doc, lineCounter, path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    field = [...path, key].join('.');
    line = nodeLine(doc, lineCounter, [...path, key], true) ?? line;
    message = `unknown field "${key}"${suggestField(key)}`;
  } else if (issue.code === 'invalid_key') {
    message = `pin keys are pin numbers (1, 2, …)`;
    line = nodeLine(doc, lineCounter, path, true) ?? line;
  }
  const range = issue.code === 'too_small' || issue.code === 'too_big';
  const where = `${field || '(document)'}${line ? ` (line ${line})` : ''}`;
  return fail(range ? 'PINMAP_RANGE' : 'PINMAP_FIELD', `${where}: ${message}`, { ...(field ? { field } : {}), ...lineField(line) });
}

/** zod reports a failed union as one issue holding each branch's issues: show the most specific. */
export function deepestIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const first = issues[0]!;
  if (first.code === 'invalid_union' && first.errors.length > 0) {
    // The branch that got furthest into the value explains the mistake best.
    const branches = first.errors.map((branch) => deepestIssue(branch)).map((i) => ({ ...i, path: [...first.path, ...i.path] }) as z.core.$ZodIssue);
    branches.sort((a, b) => b.path.length - a.path.length);
    return branches[0]!;
  }
  return first;
}

export const KNOWN_FIELDS = [
  'part',
  'mate',
  'pinCount',
  'pins',
  'nets',
  'conditions',
  'connectors',
  'irDropThresholdMv',
  'maxNeighbourV',
  'net',
  'currentA',
  'voltageV',
  'kind',
  'pin',
  'use',
  'ambientTemperatureC',
  'matingCycles',
  'humidityPercentRH',
  'humidityHours',
  'condensation',
  'h2s',
  'salt',
  'reflowPeakC',
  'iron',
  'temperatureC',
  'durationS',
  'ref',
  'boards',
  'reverseInsertionPrevented',
];

export function suggestField(key: string): string {
  const lower = key.toLowerCase().replace(/[^a-z]/g, '');
  const hit = KNOWN_FIELDS.find((f) => f.toLowerCase() === lower || f.toLowerCase().startsWith(lower.slice(0, 5)));
  return hit ? `; did you mean "${hit}"?` : '';
}

/** Line of the node at `path` (or of the key itself), walking the YAML tree; the deepest node found. */
export function nodeLine(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[], keyLine = false): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = rangeLine(node, lineCounter);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (!pair) break;
      const keyLineHere = rangeLine(pair.key, lineCounter);
      node = pair.value;
      line = (keyLine ? keyLineHere : rangeLine(node, lineCounter)) ?? keyLineHere ?? line;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      line = rangeLine(node, lineCounter) ?? line;
    } else break;
  }
  return line;
}

export function rangeLine(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}

/** Line and column of a JSON.parse error ("… at position 42" or "(line 3 column 5)"). */
export function jsonErrorPosition(text: string, message: string): { line?: number; column?: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : /Unexpected end of JSON input/.test(message) ? text.length : undefined;
  if (offset === undefined) return {};
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
