/**
 * Text from outside, two concerns every reader and every report share (issue 20, items 3 and 4):
 * whether input is text at all (`notTextReason`, `TextSniffer`), and how a name that came from input
 * is printed (`escapeControls`). Pure: the CLI, the server and the page use the same functions.
 */

/**
 * Characters a name from input must not carry into a report as themselves: C0 controls (newline,
 * carriage return, escape: a name could start a new "OK" line or colour a terminal), DEL, C1
 * controls, the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C: they
 * reorder what a reader sees) and the Unicode line and paragraph separators (U+2028, U+2029).
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name from input made safe to print in a text, Markdown or HTML report or on a terminal: every
 * control character becomes a visible escape (`\x0A`, `\x1B`, `\u202E`), so a footprint called
 * "x\nOK: the footprint matches" prints as one line that shows its `\x0A`. The rest is unchanged
 * (HTML and Markdown escaping stay with their renderers).
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0').toUpperCase()}` : `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
  });
}

/** Whether the text holds a character `escapeControls` would escape. */
export function hasControls(text: string): boolean {
  CONTROLS.lastIndex = 0;
  const found = CONTROLS.test(text);
  CONTROLS.lastIndex = 0;
  return found;
}

/** Signatures of files people give a text reader by mistake, as they read once decoded as UTF-8 (0x89 becomes U+FFFD). */
const SIGNATURES: readonly { readonly starts: readonly string[]; readonly what: string }[] = [
  { starts: ['%PDF-'], what: 'a PDF file' },
  { starts: ['PK\u0003\u0004', 'PK\u0005\u0006'], what: 'a ZIP archive (an Excel .xlsx or a Word .docx is one)' },
  { starts: ['\u0089PNG', '\uFFFDPNG'], what: 'a PNG image' },
  { starts: ['\uFFFD\uFFFD\uFFFD', 'GIF8'], what: 'an image or other binary file' },
  { starts: ['\u00D0\u00CF\u0011\u00E0', '\uFFFD\uFFFD\u0011\uFFFD'], what: 'an old Office file (an Excel .xls)' },
];

/**
 * Share of the first characters that may be U+FFFD (bytes that were not UTF-8) or control
 * characters other than tab, line feed, form feed and carriage return before the input is not
 * text: 5 % (assumed: a Latin-1 file with a few accented names stays well under it; a PDF, an
 * image or an archive is far above it).
 */
export const MAX_NOT_TEXT_SHARE = 0.05;
/** Characters looked at for that share: the head of the input (64 Ki), enough to tell, bounded. */
const HEAD_CHARS = 64 * 1024;

const odd = (code: number) => code === 0xfffd || (code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || (code >= 0x7f && code < 0xa0);

/**
 * Why the input is not text, or null: a NUL character anywhere (no text format has one; UTF-16
 * without its byte-order mark is read this way), the signature of a PDF, a ZIP (xlsx, docx), a PNG
 * or an old Office file at its start, or more than MAX_NOT_TEXT_SHARE of its head undecodable or
 * control characters. The answer names what the input looks like, for the error message.
 */
export function notTextReason(text: string): string | null {
  const sniffer = new TextSniffer();
  return sniffer.push(text) ?? sniffer.end();
}

/** `notTextReason` over text that comes in pieces (a streamed BOM): push each piece, then end. */
export class TextSniffer {
  private head = '';
  private decided = false;

  /** The reason as soon as one is seen, else null. */
  push(text: string): string | null {
    if (!this.decided) {
      this.head += text.slice(0, HEAD_CHARS - this.head.length);
      // The signatures are known from the first few characters: they name the file best.
      const signature = this.head.length >= 8 ? this.signature() : null;
      if (signature !== null) return signature;
    }
    if (text.includes('\u0000')) return 'it holds NUL characters (binary data, or UTF-16 text without its byte-order mark)';
    return !this.decided && this.head.length >= HEAD_CHARS ? this.decide() : null;
  }

  /** At the end of the input: the reason, or null when it is text. */
  end(): string | null {
    return this.decided ? null : this.decide();
  }

  private signature(): string | null {
    const start = this.head.replace(/^\uFEFF/, '');
    for (const s of SIGNATURES) if (s.starts.some((p) => start.startsWith(p))) return `it is ${s.what}, not text`;
    return null;
  }

  private decide(): string | null {
    this.decided = true;
    const signature = this.signature();
    if (signature) return signature;
    let count = 0;
    for (let i = 0; i < this.head.length; i++) if (odd(this.head.charCodeAt(i))) count++;
    if (count >= 8 && count > this.head.length * MAX_NOT_TEXT_SHARE)
      return `${Math.round((100 * count) / this.head.length)} % of its first ${this.head.length} characters are not UTF-8 text or are control characters (binary data)`;
    return null;
  }
}
