import type { Readable } from 'node:stream';
import { BoundExceeded } from './bounded.js';

export interface Line {
  /** 1-based line number. */
  readonly number: number;
  /** The line without its end of line, cut to `maxLength` characters. */
  readonly text: string;
  /** The line's length before cutting. */
  readonly length: number;
}

/**
 * Lines of a text stream in constant memory: a line longer than `maxLength` keeps only its first
 * `maxLength` characters (the rest is read and dropped), so one huge line cannot exhaust memory.
 * Handles \n and \r\n.
 */
export async function* readLines(
  stream: Readable,
  maxLength: number,
  bounds: { maxChars: number; maxLineChars: number } = { maxChars: Number.POSITIVE_INFINITY, maxLineChars: Number.POSITIVE_INFINITY },
): AsyncGenerator<Line> {
  stream.setEncoding('utf8');
  let kept = '';
  let length = 0;
  let number = 0;
  let total = 0;
  // Beyond `maxLineChars` a line is not cut but refused: an endless line (/dev/zero) would never end.
  const take = (piece: string) => {
    if (kept.length < maxLength) kept += piece.slice(0, maxLength - kept.length);
    length += piece.length;
    if (length > bounds.maxLineChars) throw new BoundExceeded('line', bounds.maxLineChars, number + 1);
  };
  const finish = (): Line => {
    number++;
    let text = kept;
    let len = length;
    if (text.endsWith('\r') && len === text.length) {
      text = text.slice(0, -1);
      len--;
    }
    kept = '';
    length = 0;
    return { number, text, length: len };
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    total += chunk.length;
    if (total > bounds.maxChars) throw new BoundExceeded('bytes', bounds.maxChars, number + 1);
    let start = 0;
    for (;;) {
      const end = chunk.indexOf('\n', start);
      if (end < 0) {
        take(chunk.slice(start));
        break;
      }
      take(chunk.slice(start, end));
      yield finish();
      start = end + 1;
    }
  }
  if (length > 0) yield finish();
}
