/**
 * A small RFC 4180 reader for text already in memory (pin maps, net maps). Pure (no Buffer, no
 * streams). A BOM is read line by line instead (`bom-stream.ts`, quotes joined by `joinQuotedCells`
 * below), so that one stray quote costs its own line only. Each record carries the line it starts
 * on, so that errors can say where.
 */
import { PLAIN_DECIMAL } from '../../options.js';

export type CsvRecord =
  | { readonly ok: true; readonly line: number; readonly cells: string[] }
  | { readonly ok: false; readonly line: number; readonly reason: string };

export type CsvDelimiter = ',' | ';' | '\t';

/** The number a cell writes as a plain decimal, or null: `Number()` would read "0x10" as 16 and "1e3" as 1000. */
export function plainDecimal(text: string): number | null {
  const t = text.trim();
  return PLAIN_DECIMAL.test(t) ? Number(t) : null;
}

/** The delimiter the header line uses most (tab for TSV, semicolon for some European exports). */
export function detectDelimiter(firstLine: string): CsvDelimiter {
  const count = (c: string) => firstLine.split(c).length - 1;
  const tabs = count('\t');
  const semicolons = count(';');
  const commas = count(',');
  if (tabs > 0 && tabs >= commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

/** Yields one record per line (quoted cells may span lines); a BOM (U+FEFF) at the start is ignored. */
export function* csvRecords(text: string, delimiter: CsvDelimiter = ','): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let error: string | null = null;
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i >= n) {
        cells.push(cell);
        break;
      }
      const ch = text[i]!;
      if (ch === '"' && cell === '') {
        // Quoted cell: "" is a quote; ends at the closing quote.
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          cell += c;
          i++;
        }
        if (!closed) {
          error = `unclosed quote in the cell starting on line ${startLine}`;
          i = n;
          break;
        }
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          error = `unexpected character ${JSON.stringify(next)} after a closing quote (line ${line})`;
          // Skip to the end of the physical line so that the next record can still be read.
          while (i < n && text[i] !== '\n') i++;
          if (i < n) {
            i++;
            line++;
          }
          break;
        }
        continue;
      }
      if (ch === delimiter) {
        cells.push(cell);
        cell = '';
        i++;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        cells.push(cell);
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
        continue;
      }
      cell += ch;
      i++;
    }
    if (error !== null) {
      yield { ok: false, line: startLine, reason: error };
      continue;
    }
    // A blank line is not a record.
    if (cells.length === 1 && cells[0] === '') continue;
    yield { ok: true, line: startLine, cells };
  }
}

/** A quoted cell still open at the end of a line: the cells before it, its text so far, its number. */
export interface OpenQuotedCell {
  readonly cells: readonly string[];
  readonly text: string;
  readonly cell: number;
}

export type JoinedCells =
  | { readonly ok: true; readonly cells: readonly string[] }
  /** A quoted cell (number `cell`, 1-based) is still open at the end of the line: it may go on on the next line (`carry`). */
  | { readonly ok: false; readonly open: true; readonly cell: number; readonly carry: OpenQuotedCell }
  | { readonly ok: false; readonly open: false; readonly cell: number; readonly reason: string };

const QUOTE = 34; // "

/**
 * RFC 4180 cells from the pieces of one line split on the delimiter with quotes NOT interpreted
 * (how a BOM is read: line by line, so that one stray quote cannot swallow the rest of the file).
 * A piece starting with a quote opens a quoted cell: it runs, across delimiters, to a quote that is
 * not doubled; `""` inside is one quote. A quote inside an unquoted cell is kept as text. A quoted
 * cell still open at the end of the line is returned as `carry`; given back with the next line, the
 * cell goes on after a line break (the cost is the new line only). Pure and cheap: a line without
 * quotes is returned as it is.
 */
export function joinQuotedCells(raw: readonly string[], delimiter: string, carry?: OpenQuotedCell): JoinedCells {
  let out: string[] | null = carry ? [...carry.cells] : null;
  let i = 0;
  // Scans the quoted cell number `cellNumber` from raw[i] at `pos`, its text so far in `text`.
  const quoted = (cellNumber: number, text: string, pos: number): JoinedCells | null => {
    let current = raw[i] ?? '';
    for (;;) {
      const q = current.indexOf('"', pos);
      if (q < 0) {
        // No closing quote in this piece: the delimiter (or the line break) was inside the quotes.
        text += current.slice(pos);
        if (i + 1 >= raw.length) return { ok: false, open: true, cell: cellNumber, carry: { cells: out!, text, cell: cellNumber } };
        text += delimiter;
        current = raw[++i]!;
        pos = 0;
        continue;
      }
      text += current.slice(pos, q);
      if (current.charCodeAt(q + 1) === QUOTE) {
        text += '"';
        pos = q + 2;
        continue;
      }
      if (q !== current.length - 1) {
        return {
          ok: false,
          open: false,
          cell: cellNumber,
          reason: `unexpected character ${JSON.stringify(current[q + 1])} after the closing quote of cell ${cellNumber}`,
        };
      }
      out!.push(text);
      return null;
    }
  };
  if (carry) {
    const r = quoted(carry.cell, `${carry.text}\n`, 0);
    if (r) return r;
    i++;
  }
  for (; i < raw.length; i++) {
    const piece = raw[i]!;
    if (piece.charCodeAt(0) !== QUOTE) {
      out?.push(piece);
      continue;
    }
    if (out === null) out = raw.slice(0, i);
    const r = quoted(out.length + 1, '', 1);
    if (r) return r;
  }
  return { ok: true, cells: out ?? raw };
}
