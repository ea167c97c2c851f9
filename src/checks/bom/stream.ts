import { groupDigits } from '../../numbers.js';
import { fail, ok, type Result } from '../../result.js';
import { builtInSeries, type Series } from '../../catalog/index.js';
import { createBomChecker } from './checker.js';
import { TextSniffer, notTextReason } from '../../text.js';
import type { BomOptions, BomReport } from './types.js';
import type { InputError } from '../types.js';

/**
 * Reading a BOM: bytes (a file, standard input, an upload) or text held in memory, to lines, to the
 * checker. The one path of `a4s bom` and `POST /api/bom`; the edges only bound the bytes they read.
 */

/** No BOM line is longer than 256 KiB (assumed; a quoted cell over lines holds at most 65,536 characters): bounds the text held for one line. */
export const MAX_BOM_LINE_BYTES = 256 * 1024;

export interface BomStreamOptions extends BomOptions {
  /** Bytes between two line feeds past which reading stops with BOM_TOO_LARGE (default MAX_BOM_LINE_BYTES). */
  readonly maxLineBytes?: number;
  /**
   * Bytes that are not UTF-8 (or not UTF-16 after a UTF-16 byte-order mark) make the BOM INPUT_UNREADABLE
   * (the API); by default they are read as U+FFFD, so that the A4S part numbers around them are still found (the CLI).
   */
  readonly rejectInvalidText?: boolean;
}

/**
 * Checks a BOM streamed as byte chunks, in constant memory: decodes it (UTF-8, or UTF-16 after its
 * byte-order mark; a UTF-8 byte-order mark is dropped), bounds its lines, splits it into lines
 * (`BomLines`) and feeds them to the checker. The errors: BOM_EMPTY (no line), the header's
 * (BOM_COLUMN_NOT_FOUND, BOM_HEADER_UNREADABLE), BOM_TOO_LARGE (a line over the bound) and
 * INPUT_UNREADABLE (not text, with `rejectInvalidText`). Reading stops at the first of them, and the
 * source is closed (`return()` of its iterator). What the source throws (a byte bound, a read error)
 * is thrown on.
 */
export async function checkBomStream(
  chunks: AsyncIterable<Uint8Array>,
  options: BomStreamOptions = {},
  series: Series = builtInSeries,
): Promise<Result<BomReport, InputError>> {
  const maxLineBytes = options.maxLineBytes ?? MAX_BOM_LINE_BYTES;
  const lineOver = lineBound(maxLineBytes);
  const decoder = new BomDecoder(options.rejectInvalidText === true);
  const lines = new BomLines();
  const checker = createBomChecker(options, series);
  const sniffer = new TextSniffer();
  const notText = (why: string): InputError => ({ code: 'INPUT_NOT_TEXT', message: `The BOM is not text: ${why}. Export it as CSV or TSV.` });
  let anyLine = false;
  let headerError: InputError | null = null;
  const onLine = (text: string, line: number): boolean => {
    anyLine = true;
    headerError = checker.push([text], line);
    return headerError === null;
  };
  for await (const chunk of chunks) {
    // Decoded before the line bound is counted: a chunk that is not text is refused as such (as the API always did).
    const text = decoder.decode(chunk);
    if (text === null) return fail(decoder.notText());
    const why = sniffer.push(text);
    if (why !== null) return fail(notText(why));
    const tooLong = lineOver(chunk);
    if (tooLong > 0) return fail(lineTooLong(tooLong, maxLineBytes));
    if (!lines.push(text, onLine)) return fail(headerError!);
  }
  const rest = decoder.end();
  if (rest === null) return fail(decoder.notText());
  const why = sniffer.push(rest) ?? sniffer.end();
  if (why !== null) return fail(notText(why));
  if (!lines.end(rest, onLine)) return fail(headerError!);
  if (!anyLine) return fail({ code: 'BOM_EMPTY', message: 'The BOM is empty (no header row).' });
  return ok(checker.finish());
}

function lineTooLong(line: number, maxLineBytes: number): InputError {
  return {
    code: 'BOM_TOO_LARGE',
    message: `The BOM cannot be read: line ${line} is longer than ${groupDigits(maxLineBytes)} bytes, which no BOM line is; reading stopped.`,
    line,
  };
}

/**
 * Counts the bytes between line feeds (0x0A) as chunks come, whatever their cut: returns the number
 * of the first line longer than `maxLineBytes` (its line feed excluded), or 0. Counted on the bytes
 * before decoding, so that an endless line (/dev/zero) is refused before any of it is held as text.
 */
function lineBound(maxLineBytes: number): (chunk: Uint8Array) => number {
  let sinceLineFeed = 0;
  let line = 1;
  return (chunk) => {
    let start = 0;
    for (let lf = chunk.indexOf(10); lf >= 0; lf = chunk.indexOf(10, start)) {
      if (sinceLineFeed + lf - start > maxLineBytes) return line;
      sinceLineFeed = 0;
      line++;
      start = lf + 1;
    }
    sinceLineFeed += chunk.length - start;
    return sinceLineFeed > maxLineBytes ? line : 0;
  };
}

/**
 * Text from byte chunks: UTF-16 (little or big endian) when the bytes start with its byte-order mark
 * (a spreadsheet's "Unicode text" export), else UTF-8. The first two bytes are held until both are there.
 */
class BomDecoder {
  private decoder: TextDecoder | null = null;
  private head: Uint8Array | null = null;
  private utf16 = false;

  constructor(private readonly fatal: boolean) {}

  /** The text of one more chunk, or null when the bytes are not text (only when fatal). */
  decode(chunk: Uint8Array): string | null {
    let bytes = chunk;
    if (this.decoder === null) {
      bytes = this.head === null ? chunk : concat(this.head, chunk);
      if (bytes.length < 2) {
        this.head = bytes;
        return '';
      }
      this.head = null;
      this.open(bytes);
    }
    return this.run(bytes, true);
  }

  /** The text still held at the end (an incomplete character, or a lone first byte), or null when it is not text. */
  end(): string | null {
    if (this.decoder === null) this.open(this.head ?? new Uint8Array(0));
    return this.run(this.head ?? undefined, false);
  }

  notText(): InputError {
    return { code: 'INPUT_UNREADABLE', message: `The BOM is not ${this.utf16 ? 'valid UTF-16' : 'UTF-8'} text; export the sheet as CSV (UTF-8).` };
  }

  private open(first: Uint8Array): void {
    const littleEndian = first[0] === 0xff && first[1] === 0xfe;
    const bigEndian = first[0] === 0xfe && first[1] === 0xff;
    this.utf16 = littleEndian || bigEndian;
    // The byte-order mark is dropped by the decoder (ignoreBOM false), in each of the three encodings.
    this.decoder = new TextDecoder(littleEndian ? 'utf-16le' : bigEndian ? 'utf-16be' : 'utf-8', { fatal: this.fatal });
  }

  private run(bytes: Uint8Array | undefined, stream: boolean): string | null {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      return null; // a fatal decoder's TypeError: the bytes are not text in its encoding
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Lines of a text given in pieces, numbered and cut as csv-parse cut them for `a4s bom` and the API
 * before this reader replaced it (so that reports stay the same): the line ending is the first one
 * the text holds (\r\n, \n or \r, looked for in that order); a \r or \n that is not that ending stays
 * in the line's text (the checker treats it as any character) but counts as a line; empty lines are
 * skipped and counted. A line is numbered by the line it ends on.
 */
export class BomLines {
  private ending = '';
  /** The text after the last line ending, in the pieces it came in: joined once, when its line ends (linear however the text is cut). */
  private held: string[] = [];
  private line = 1;

  /** Feeds more text; `onLine` returns false to stop, and then so does `push`. */
  push(piece: string, onLine: (text: string, line: number) => boolean): boolean {
    const lineEnds = this.ending === '' ? this.findEnding(piece, false) : this.endsLine(piece);
    if (!lineEnds) {
      if (piece !== '') this.held.push(piece);
      return true;
    }
    return this.cut(this.take(piece), onLine);
  }

  /** Feeds the last text; the line after the last ending, if any, is given to `onLine`. */
  end(piece: string, onLine: (text: string, line: number) => boolean): boolean {
    const text = this.take(piece);
    if (this.ending === '') this.findEnding(text, true);
    if (this.ending !== '' && !this.cut(text, onLine)) return false;
    const last = this.ending === '' ? text : this.take('');
    if (last === '') return true;
    // The last character of the text, a stray \r say, is not counted: csv-parse had not counted it yet.
    return onLine(last, this.line + lineBreaksIn(last, 0, last.length - 1));
  }

  /** The text held and `piece` as one string; nothing is held after. */
  private take(piece: string): string {
    const text = this.held.length > 0 ? this.held.join('') + piece : piece;
    this.held = [];
    return text;
  }

  /** Whether `piece` ends the line held: it holds the line ending, or a \r\n is cut between the held text and it. */
  private endsLine(piece: string): boolean {
    return piece.includes(this.ending) || (this.ending === '\r\n' && piece.startsWith('\n') && this.held.at(-1)?.endsWith('\r') === true);
  }

  /** Finds the line ending at the first \r or \n; false when there is none yet (or a \r is last and more text may follow). */
  private findEnding(piece: string, atEnd: boolean): boolean {
    // The text held holds no \r or \n but for a \r last, which may begin a \r\n.
    const text = this.held.at(-1)?.endsWith('\r') ? `\r${piece}` : piece;
    const cr = text.indexOf('\r');
    const lf = text.indexOf('\n');
    if (lf >= 0 && (cr < 0 || lf < cr)) this.ending = '\n';
    else if (cr >= 0 && cr + 1 < text.length) this.ending = text[cr + 1] === '\n' ? '\r\n' : '\r';
    else if (cr >= 0 && atEnd) this.ending = '\r';
    return this.ending !== '';
  }

  /** Cuts `text`, which starts a line, at its line endings; what follows the last one is held. */
  private cut(text: string, onLine: (text: string, line: number) => boolean): boolean {
    const ending = this.ending;
    // The other line-break characters, found ahead once and passed by (linear in the text).
    const strayA = ending === '\n' ? '\r' : '\n';
    const strayB = ending === '\r\n' ? '\r' : null;
    let nextA = text.indexOf(strayA);
    let nextB = strayB === null ? -1 : text.indexOf(strayB);
    let pos = 0;
    for (let end = text.indexOf(ending); end >= 0; end = text.indexOf(ending, pos)) {
      // The \n of a \r\n ending ahead is not a stray one: look again from the line's start.
      if (nextA >= 0 && nextA < pos) nextA = text.indexOf(strayA, pos);
      if (nextB >= 0 && nextB < pos) nextB = text.indexOf(strayB!, pos);
      let strays = 0;
      for (; nextA >= 0 && nextA < end; nextA = text.indexOf(strayA, nextA + 1)) strays++;
      for (; nextB >= 0 && nextB < end; nextB = text.indexOf(strayB!, nextB + 1)) strays++;
      if (end > pos && !onLine(text.slice(pos, end), this.line + strays)) return false;
      this.line += strays + 1;
      pos = end + ending.length;
    }
    if (pos < text.length) this.held.push(text.slice(pos));
    return true;
  }
}

/** The \r and \n characters in text[from, to). */
function lineBreaksIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) n++;
  }
  return n;
}

/**
 * Checks a BOM held in memory (browser, small uploads): CSV or TSV, delimiter from the header line;
 * lines split on every line ending (\r\n, \n or \r), empty lines skipped, quotes joined by the
 * checker. A streamed BOM (`checkBomStream`) is cut as csv-parse cut it: the same lines and numbers
 * unless the file mixes line endings.
 */
export function checkBomText(text: string, options: BomOptions = {}, series: Series = builtInSeries): Result<BomReport, InputError> {
  const body = text.replace(/^\uFEFF/, '');
  const why = notTextReason(body);
  if (why !== null) return { ok: false, error: { code: 'INPUT_NOT_TEXT', message: `The BOM is not text: ${why}. Export it as CSV or TSV.` } };
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') return { ok: false, error: { code: 'BOM_EMPTY', message: 'The BOM is empty (no header row).', line: 1 } };
  const checker = createBomChecker(options, series);
  const physical = body.split(/\r\n|\n|\r/);
  if (physical.at(-1) === '') physical.pop();
  for (const [i, line] of physical.entries()) {
    if (line === '') continue;
    const e = checker.push([line], i + 1);
    if (e) return { ok: false, error: e };
  }
  return { ok: true, value: checker.finish() };
}
