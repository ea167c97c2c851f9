import { csvRecords, detectDelimiter, plainDecimal } from '../shared/index.js';
import { NetKind, SANE } from './schema.js';
import { failAt as fail, type InputError, type NetSpec, type PinAssignment, type PinMapInput } from '../types.js';
import type { Result } from '../../result.js';
import { assignment, pinNumberMax, pinOutOfRange } from './parse-common.js';
import { builtInSeries, type Series } from '../../catalog/index.js';

/** Pin maps in CSV: pin,net,currentA,voltageV,kind (any order; empty cells allowed; a row without pin = net totals). */

export const PIN_MAP_CSV_COLUMNS = ['pin', 'net', 'currentA', 'voltageV', 'kind'] as const;
export type CsvColumn = (typeof PIN_MAP_CSV_COLUMNS)[number];

export function parseCsvPinMap(text: string, series: Series = builtInSeries): Result<PinMapInput, InputError> {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  const records = csvRecords(text, delimiter);
  const headerRecord = records.next();
  if (headerRecord.done) return fail('PINMAP_EMPTY', 'The CSV pin map is empty.');
  if (!headerRecord.value.ok)
    return fail('PINMAP_CSV_SYNTAX', `line ${headerRecord.value.line}: ${headerRecord.value.reason}`, { line: headerRecord.value.line });
  const header = headerRecord.value.cells.map((c) => c.trim());
  const columns = new Map<CsvColumn, number>();
  for (const [i, name] of header.entries()) {
    const known = PIN_MAP_CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!known)
      return fail('PINMAP_CSV_HEADER', `line 1, column ${i + 1}: unknown column "${name}"; the header is ${PIN_MAP_CSV_COLUMNS.join(',')}.`, {
        line: 1,
        column: i + 1,
        field: name,
      });
    if (columns.has(known)) return fail('PINMAP_CSV_HEADER', `line 1: column "${name}" appears twice.`, { line: 1, column: i + 1, field: name });
    columns.set(known, i);
  }
  if (!columns.has('pin') || !columns.has('net'))
    return fail('PINMAP_CSV_HEADER', `line 1: the header needs at least pin and net (${PIN_MAP_CSV_COLUMNS.join(',')}).`, { line: 1 });

  const pins: PinAssignment[] = [];
  const totalsLine = new Map<string, number>();
  const nets: Record<string, { currentA?: number; voltageV?: number; kind?: NetKind }> = Object.create(null) as Record<string, NetSpec>;
  for (const record of records) {
    if (!record.ok) return fail('PINMAP_CSV_SYNTAX', `line ${record.line}: ${record.reason}`, { line: record.line });
    const { cells, line } = record;
    if (cells.length !== header.length) {
      return fail('PINMAP_CSV_SYNTAX', `line ${line}: ${cells.length} cells, the header has ${header.length}.`, { line });
    }
    const cell = (c: CsvColumn) => (columns.has(c) ? cells[columns.get(c)!]!.trim() : '');
    const where = (c: CsvColumn) => ({ line, column: columns.get(c)! + 1, field: c });
    const number = (c: 'currentA' | 'voltageV'): Result<number | undefined, InputError> => {
      const raw = cell(c);
      if (raw === '') return { ok: true, value: undefined };
      const n = plainDecimal(raw);
      if (n === null)
        return fail(
          'PINMAP_FIELD',
          `line ${line}, ${c}: "${raw}" is not a plain decimal number (write e.g. 0.25; hex such as 0x10, binary such as 0b11 and exponents such as 1e3 are not read).`,
          where(c),
        );
      if (c === 'currentA' && n < 0) return fail('PINMAP_RANGE', `line ${line}, currentA: ${raw} is negative; give the magnitude of the current.`, where(c));
      const bound = c === 'currentA' ? SANE.currentA : SANE.voltageV;
      if (!Number.isFinite(n) || Math.abs(n) > bound)
        return fail(
          'PINMAP_RANGE',
          `line ${line}, ${c}: ${raw.length > 24 ? `${raw.slice(0, 24)}…` : raw} is beyond ${bound} ${c === 'currentA' ? 'A' : 'V'}, more than any design holds (a unit slip?); give the value in ${c === 'currentA' ? 'ampere' : 'volt'}.`,
          where(c),
        );
      return { ok: true, value: n };
    };
    const current = number('currentA');
    if (!current.ok) return current;
    const voltage = number('voltageV');
    if (!voltage.ok) return voltage;
    const kindText = cell('kind').toLowerCase();
    let kind: NetKind | undefined;
    if (kindText !== '') {
      const k = NetKind.safeParse(kindText);
      if (!k.success) return fail('PINMAP_FIELD', `line ${line}, kind: "${cell('kind')}" must be power, ground or signal (or empty).`, where('kind'));
      kind = k.data;
    }
    const pinText = cell('pin');
    const net = cell('net');
    if (pinText === '') {
      // A row without a pin gives the net's totals.
      if (net === '') return fail('PINMAP_FIELD', `line ${line}: a row needs a pin, or a net (for the net's totals).`, where('pin'));
      const first = totalsLine.get(net);
      if (first !== undefined)
        return fail('PINMAP_DUPLICATE_KEY', `line ${line}: the totals of net "${net}" are given twice (first on line ${first}); keep one row.`, {
          line,
          field: `nets.${net}`,
        });
      totalsLine.set(net, line);
      nets[net] = {
        ...(current.value !== undefined ? { currentA: current.value } : {}),
        ...(voltage.value !== undefined ? { voltageV: voltage.value } : {}),
        ...(kind ? { kind } : {}),
      };
      continue;
    }
    if (!/^[+-]?\d+$/.test(pinText)) return fail('PINMAP_FIELD', `line ${line}, pin: "${pinText}" is not a pin number.`, where('pin'));
    const pin = Number(pinText);
    if (pin < 1 || pin > pinNumberMax(series)) return fail('PINMAP_RANGE', pinOutOfRange(`line ${line}, pin: ${pin}`, series), where('pin'));
    // An empty net cell leaves the pin unassigned (reported); NC marks it unconnected on purpose.
    if (net === '') continue;
    pins.push(assignment(pin, { net, currentA: current.value, voltageV: voltage.value, kind }, line));
  }
  return { ok: true, value: { part: null, mate: null, pinCount: null, pins, nets, conditions: {}, connectors: [], irDropThresholdMv: null } };
}
