import { builtInSeries, type Series } from '../../catalog/index.js';
import { checkPartNumber, partNumberInText } from '../../partnumber/index.js';
import type { Result } from '../../result.js';
import { readSexprText, type Tree } from '../../sexpr/index.js';
import { failAt as fail, type InputError } from '../types.js';

/**
 * The components of a KiCad netlist that could be the A4S connector, for a person to choose the
 * reference designator (the page asks, as `a4s check --ref` does): the components whose value or a
 * field names an A4S part number first, then the other connector-like references (J, P, CN, X …).
 */

export interface NetlistComponent {
  readonly reference: string;
  readonly value: string | null;
  /** The A4S part number its value or a field names (as `parseKicadNetlist` reads it), else null. */
  readonly partNumber: string | null;
  /** Why it is offered: an A4S part number in the value or a field, or a connector's reference letters only. */
  readonly why: 'A4S part number' | 'connector reference';
}

type SExpr = Tree<string>;
const isList = (x: SExpr | undefined): x is SExpr[] => Array.isArray(x);
const head = (x: SExpr): string | undefined => (isList(x) && typeof x[0] === 'string' ? x[0] : undefined);
const children = (list: SExpr[], name: string): SExpr[][] => list.filter((c): c is SExpr[] => head(c) === name);
const valueOf = (list: SExpr[], name: string): string | undefined => {
  const c = children(list, name)[0];
  return c && typeof c[1] === 'string' ? c[1] : undefined;
};

/** The same part-number shape the netlist reader looks for (netlist.ts). */
/** Reference letters of connectors (KiCad's J, and P, CN, X, CON used by other libraries). */
const CONNECTOR_REF = /^(?:J|P|CN|X|CON|FPC)\d+$/i;

/** Whether a text is a KiCad netlist (s-expression, `(export (version …`), not a pin-map document. */
export function looksLikeKicadNetlist(text: string): boolean {
  return /^\s*\(export\s+\(version\b/.test(text.replace(/^\uFEFF/, ''));
}

export function netlistComponents(text: string, series: Series = builtInSeries): Result<NetlistComponent[], InputError> {
  const parsed = readSexprText(text, { startsWith: 'a KiCad netlist starts with (export' });
  if (!parsed.ok) return fail('NETLIST_SYNTAX', parsed.error.message, parsed.error.line === undefined ? {} : { line: parsed.error.line });
  const root = parsed.value;
  if (!isList(root) || head(root) !== 'export')
    return fail('NETLIST_NOT_KICAD', 'The file does not start with (export: it is not a KiCad netlist.', { line: 1 });
  const comps = children(children(root, 'components')[0] ?? [], 'comp');
  const a4s: NetlistComponent[] = [];
  const connectors: NetlistComponent[] = [];
  for (const c of comps) {
    const reference = valueOf(c, 'ref');
    if (reference === undefined) continue;
    const value = valueOf(c, 'value') ?? null;
    const texts = [
      value ?? '',
      ...children(children(c, 'fields')[0] ?? [], 'field').map((f) => (typeof f[2] === 'string' ? f[2] : '')),
      ...children(c, 'property').map((p) => valueOf(p, 'value') ?? ''),
    ];
    const found = texts.map((text) => partNumberInText(text, series)).find((x) => x !== null) ?? null;
    const partNumber = found !== null ? (checkPartNumber(found, series).partNumber ?? found) : null;
    if (partNumber !== null) a4s.push({ reference, value, partNumber, why: 'A4S part number' });
    else if (CONNECTOR_REF.test(reference)) connectors.push({ reference, value, partNumber: null, why: 'connector reference' });
  }
  const byRef = (x: NetlistComponent, y: NetlistComponent) => x.reference.localeCompare(y.reference, 'en', { numeric: true });
  return { ok: true, value: [...a4s.sort(byRef), ...connectors.sort(byRef)] };
}
