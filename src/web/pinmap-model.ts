import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { checkPinMap, parseNetShorthand, parsePinMapText, pinMapJsonSchema, type PinMapFormat } from '../checks/index.js';
import type { CheckReport, InputError, NetKind } from '../checks/types.js';

/**
 * The page's pin-map model: the very document `a4s check` reads (the `--schema` one), held as the
 * plain object of the file. The editor changes only the fields it is asked to change (a pin's net
 * or current, a net's total current, voltage or kind, a condition, the mate …); every other field
 * of an imported document, including fields this page does not know yet, is kept as it was, so
 * import → edit → export loses nothing. The check is the CLI's: the document is given to
 * `parsePinMapText` and `checkPinMap` exactly as a file would be. No DOM here (tested in Node).
 */
export type PinMapDoc = Record<string, unknown>;

type Entry = { net?: string | null; currentA?: number; voltageV?: number; kind?: NetKind; pin?: number; [k: string]: unknown };

export type ModelResult<T> = { readonly ok: true; readonly value: T; readonly note?: string } | { readonly ok: false; readonly error: InputError };

export function emptyDoc(part: string): PinMapDoc {
  return { part, pins: {} };
}

export function formatOfName(name: string): PinMapFormat {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return ext === 'json' ? 'json' : ext === 'csv' ? 'csv' : 'yaml';
}

/**
 * Reads a pin-map file as the CLI does (same errors, same codes). YAML and JSON are kept as their
 * document; a CSV becomes the equivalent document (a pin list and net totals). A document that
 * names no part gets the page's part (the CLI's `--part`).
 */
export function importPinMap(text: string, format: PinMapFormat, part: string): ModelResult<PinMapDoc> {
  const parsed = parsePinMapText(text, format, { part });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (format === 'csv') {
    const v = parsed.value;
    const pins = v.pins.map((p) => ({
      pin: p.pin,
      net: p.net,
      ...(p.currentA !== undefined ? { currentA: p.currentA } : {}),
      ...(p.voltageV !== undefined ? { voltageV: p.voltageV } : {}),
      ...(p.kind !== undefined ? { kind: p.kind } : {}),
    }));
    const doc: PinMapDoc = { part: v.part ?? part, pins };
    if (Object.keys(v.nets).length > 0) doc.nets = structuredClone(v.nets);
    return { ok: true, value: doc };
  }
  // Validated above; read again as plain data (JSON is YAML 1.2), keeping every field.
  let raw: PinMapDoc;
  try {
    raw = parseYaml(text, { maxAliasCount: 100, uniqueKeys: false }) as PinMapDoc;
  } catch (err) {
    return { ok: false, error: { code: 'PINMAP_SYNTAX', message: `The ${format.toUpperCase()} cannot be read: ${(err as Error).message}` } };
  }
  const doc: PinMapDoc = raw.part === undefined ? { part, ...raw } : raw;
  return { ok: true, value: doc, ...(raw.part === undefined ? { note: `The file names no part: ${part} (this page) was added.` } : {}) };
}

export function exportPinMap(doc: PinMapDoc, format: 'yaml' | 'json'): string {
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringifyYaml(doc);
}

/** The CLI's check of the document: its input errors, or its report. */
export function checkDoc(doc: PinMapDoc): ModelResult<CheckReport> {
  const parsed = parsePinMapText(JSON.stringify(doc), 'json');
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, value: checkPinMap(parsed.value) };
}

// ---------------------------------------------------------------------------------------------
// Pins

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first entry of a pin as the editor shows it: net text ('' unassigned, 'NC' unconnected) and current text. */
export function pinOf(doc: PinMapDoc, pin: number): { net: string; currentA: string } {
  const e = entryOf(doc, pin);
  if (e === undefined) return { net: '', currentA: '' };
  if (e === null) return { net: 'NC', currentA: '' };
  if (typeof e === 'string') return { net: e, currentA: '' };
  return { net: e.net === null || e.net === undefined ? 'NC' : String(e.net), currentA: typeof e.currentA === 'number' ? String(e.currentA) : '' };
}

function entryOf(doc: PinMapDoc, pin: number): string | null | Entry | undefined {
  const pins = doc.pins;
  if (Array.isArray(pins)) return (pins as Entry[]).find((p) => isObject(p) && p.pin === pin);
  if (isObject(pins)) return pins[String(pin)] as string | null | Entry | undefined;
  return undefined;
}

/**
 * Sets a pin's net and current as typed ('' net: the pin is unassigned; '' current: none given).
 * The pin's other fields (voltage, kind, anything else) are kept; the document keeps its form
 * (a map stays a map, a list a list).
 */
export function setPin(doc: PinMapDoc, pin: number, netText: string, currentText: string): void {
  const net = netText.trim();
  const current = currentText.trim() === '' ? undefined : Number(currentText);
  const currentA = current !== undefined && Number.isFinite(current) ? current : undefined;
  if (!Array.isArray(doc.pins) && !isObject(doc.pins)) doc.pins = {};
  const pins = doc.pins as Entry[] | Record<string, unknown>;
  const old = entryOf(doc, pin);
  const oldObject: Entry = isObject(old) ? { ...old } : {};
  let next: string | Entry | undefined;
  if (net === '') next = undefined;
  else {
    const rest: Entry = { ...oldObject, net };
    delete rest.currentA;
    delete rest.pin;
    if (currentA !== undefined) rest.currentA = currentA;
    const extra = Object.keys(rest).filter((k) => k !== 'net');
    next = extra.length === 0 && !Array.isArray(pins) ? net : rest;
  }
  if (Array.isArray(pins)) {
    const i = pins.findIndex((p) => isObject(p) && p.pin === pin);
    if (next === undefined) {
      if (i >= 0) pins.splice(i, 1);
    } else {
      const value = { pin, ...(next as Entry) };
      if (i >= 0) pins[i] = value;
      else insertSorted(pins, value);
    }
  } else if (next === undefined) delete pins[String(pin)];
  else pins[String(pin)] = next;
}

function insertSorted(list: Entry[], value: Entry): void {
  const at = list.findIndex((p) => typeof p.pin === 'number' && p.pin > value.pin!);
  if (at < 0) list.push(value);
  else list.splice(at, 0, value);
}

/** Removes every pin assignment, keeping the rest of the document. */
export function clearPins(doc: PinMapDoc): void {
  doc.pins = Array.isArray(doc.pins) ? [] : {};
}

// ---------------------------------------------------------------------------------------------
// Nets: typed once per net (a rail's voltage and kind), not per pin

export interface NetFields {
  currentA?: number;
  voltageV?: number;
  kind?: NetKind;
}

/** Net names in pin order, then nets named only in `nets:`. */
export function netNames(doc: PinMapDoc): string[] {
  const names: string[] = [];
  const add = (n: unknown) => {
    if (typeof n === 'string' && n.trim() !== '' && !/^nc$/i.test(n.trim()) && !names.includes(n.trim())) names.push(n.trim());
  };
  const pins = doc.pins;
  const entries: [number, unknown][] = Array.isArray(pins)
    ? (pins as Entry[]).map((p) => [Number(p?.pin), p?.net])
    : isObject(pins)
      ? Object.entries(pins).map(([k, v]) => [Number(k), isObject(v) ? v.net : v])
      : [];
  entries.sort((a, b) => a[0] - b[0]).forEach(([, n]) => add(n));
  if (isObject(doc.nets)) Object.keys(doc.nets).forEach(add);
  return names;
}

/** A net's stated totals (the shorthand "1.2 A, 4.4 V, power" read as the CLI reads it). */
export function netOf(doc: PinMapDoc, name: string): NetFields {
  const spec = isObject(doc.nets) ? doc.nets[name] : undefined;
  if (typeof spec === 'string') {
    const s = parseNetShorthand(spec);
    return s.ok ? { ...s.value } : {};
  }
  return isObject(spec) ? ({ ...spec } as NetFields) : {};
}

/** Sets (or, with undefined, removes) one field of a net's totals; an empty net entry is removed. */
export function setNetField<K extends keyof NetFields>(doc: PinMapDoc, name: string, field: K, value: NetFields[K] | undefined): void {
  const nets = isObject(doc.nets) ? doc.nets : {};
  const spec = nets[name];
  const next: Record<string, unknown> = typeof spec === 'string' ? { ...netOf(doc, name) } : isObject(spec) ? { ...spec } : {};
  if (value === undefined) delete next[field];
  else next[field] = value;
  if (Object.keys(next).length === 0) delete nets[name];
  else nets[name] = next;
  if (Object.keys(nets).length === 0) delete doc.nets;
  else doc.nets = nets;
}

// ---------------------------------------------------------------------------------------------
// Everything else: top-level fields and conditions, as the schema describes them

export interface FieldSchema {
  readonly type?: string;
  readonly enum?: readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, FieldSchema>>;
  readonly anyOf?: readonly FieldSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
}

/** The published JSON Schema's fields (top level and `conditions`): the editor's form follows it. */
export function schemaFields(path: 'document' | 'conditions'): [string, FieldSchema][] {
  const top = (pinMapJsonSchema as { properties?: Record<string, FieldSchema> }).properties ?? {};
  const props = path === 'document' ? top : (top.conditions?.properties ?? {});
  return Object.entries(props);
}

/** Sets a field at a path (['conditions', 'reflowPeakC']); undefined removes it, and an emptied parent. */
export function setField(doc: PinMapDoc, path: readonly string[], value: unknown): void {
  const parents: Record<string, unknown>[] = [doc];
  let at: Record<string, unknown> = doc;
  for (const key of path.slice(0, -1)) {
    const child = at[key];
    const next = isObject(child) ? child : {};
    at[key] = next;
    at = next;
    parents.push(at);
  }
  const last = path.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  // Remove parents left empty (an empty `conditions: {}` says nothing).
  for (let i = path.length - 1; i > 0; i--) {
    if (Object.keys(parents[i]!).length === 0) delete parents[i - 1]![path[i - 1]!];
    else break;
  }
}

export function getField(doc: PinMapDoc, path: readonly string[]): unknown {
  let at: unknown = doc;
  for (const key of path) at = isObject(at) ? at[key] : undefined;
  return at;
}
