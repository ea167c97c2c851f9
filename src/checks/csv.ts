/**
 * A small RFC 4180 reader for text already in memory (pin maps, BOMs checked in the browser).
 * Pure (no Buffer, no streams). The CLI streams large files with csv-parse instead and feeds the
 * same checker row by row. Each record carries the line it starts on, so that errors can say where.
 */
export type CsvRecord =
  | { readonly ok: true; readonly line: number; readonly cells: string[] }
  | { readonly ok: false; readonly line: number; readonly reason: string };

export type CsvDelimiter = ',' | ';' | '\t';

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
