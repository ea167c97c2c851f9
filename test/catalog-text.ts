/**
 * An independent reader of the catalog transcription (data/source/A4S-catalog.txt), used only by
 * tests: it shares no code with src/, so that the data and the decoder are checked against the text.
 */
import { readFileSync } from 'node:fs';

export const catalogText = readFileSync(new URL('../data/source/A4S-catalog.txt', import.meta.url), 'utf8');

function section(startMarker: string, endMarker: string, from = 0): string {
  const start = catalogText.indexOf(startMarker, from);
  if (start < 0) throw new Error(`catalog text: "${startMarker}" not found`);
  const end = catalogText.indexOf(endMarker, start + startMarker.length);
  if (end < 0) throw new Error(`catalog text: "${endMarker}" not found after "${startMarker}"`);
  return catalogText.slice(start, end);
}

export interface TextProductRow {
  matedHeightMm: number;
  pins: number;
  socket: string;
  header: string;
}
export interface TextProductTable {
  rows: TextProductRow[];
  piecesPerReel: number;
  piecesPerOuterCarton: number;
}

const num = (s: string) => Number(s.replace(/,/g, ''));

function productTable(title: string): TextProductTable {
  const text = section(title, 'Notes)');
  const rows: TextProductRow[] = [];
  let height = NaN;
  for (const line of text.split('\n')) {
    const h = /^(\d\.\d) mm\t/.exec(line);
    if (h) height = Number(h[1]);
    const m = /(?:^|\t)(\d+)\t(AXE\w+)\t(AXE\w+)/.exec(line);
    if (m) rows.push({ matedHeightMm: height, pins: Number(m[1]), socket: m[2]!, header: m[3]! });
  }
  const packing = /([\d,]+) pcs\.\t([\d,]+) pcs\./.exec(text);
  if (!packing) throw new Error(`no standard packing in ${title}`);
  return { rows, piecesPerReel: num(packing[1]!), piecesPerOuterCarton: num(packing[2]!) };
}

export const productTables = {
  '8mm-pitch': productTable('### 8 mm pitch embossed packaging'),
  '4mm-pitch': productTable('### 4 mm pitch embossed packaging'),
};

export interface TextDimensionRow {
  pins: number;
  A: number;
  B: number;
  C: number;
}

function dimensionTable(title: string, endMarker: string): TextDimensionRow[] {
  const text = section(title, endMarker);
  return [...text.matchAll(/^(\d+)\t(\d+\.\d\d)\t(\d+\.\d\d)\t(\d+\.\d\d)\s*$/gm)].map((m) => ({
    pins: Number(m[1]),
    A: Number(m[2]),
    B: Number(m[3]),
    C: Number(m[4]),
  }));
}

export const dimensionTables = {
  socket: dimensionTable('### ■ Socket ( Mated height: 0.8 mm and 1.0 mm )', '### ■ Header'),
  'header-0.8': dimensionTable('### ■ Header ( Mated height: 0.8 mm )', '## Header ( Mated height: 1.0 mm )'),
  'header-1.0': dimensionTable('## Header ( Mated height: 1.0 mm )', '## Socket and Header are mated'),
};

export interface TextTapeRow {
  pinsLabel: string;
  tapeType: string;
  A: number;
  B: number | null;
  C: number;
  D: number;
  piecesPerReel: number;
}

function tapeTable(title: string, endMarker: string): TextTapeRow[] {
  const text = section(title, endMarker, catalogText.indexOf('### Dimension table', catalogText.indexOf('EMBOSED TAPE')));
  return [...text.matchAll(/(Max\. \d+|\d+ to \d+|\d+)\tTape (I{1,3})\t([\d.]+)\t([\d.]+|—)\t([\d.]+)\t([\d.]+)\t([\d,]+)/g)].map((m) => ({
    pinsLabel: m[1]!,
    tapeType: m[2]!,
    A: Number(m[3]),
    B: m[4] === '—' ? null : Number(m[4]),
    C: Number(m[5]),
    D: Number(m[6]),
    piecesPerReel: num(m[7]!),
  }));
}

export const tapeTables = {
  '8mm-pitch': tapeTable('#### ● 8 mm pitch embossed packaging', '#### ● 4 mm pitch'),
  '4mm-pitch': tapeTable('#### ● 4 mm pitch embossed packaging', '### Connector orientation'),
};

/** Pin counts of the inspection table: the header row, and one ☆ per available count. */
export const inspectionTable = (() => {
  const text = section('## TABLE OF PRODUCT TYPES', 'Notes)');
  const lines = text.split('\n');
  const pinsLine = lines.find((l) => /^\t(\d+\t)+\d+\s*$/.test(l));
  const starsLine = lines.find((l) => l.startsWith('A4S for inspection'));
  if (!pinsLine || !starsLine) throw new Error('inspection table not found');
  const pins = pinsLine.trim().split('\t').map(Number);
  const stars = starsLine
    .split('\t')
    .slice(1)
    .map((s) => s.trim() === '☆');
  return {
    pins: pins.filter((_, i) => stars[i]),
    socketPattern: /\n(AXE5E\*\*26)\t(AXE6E\*\*26)/.exec(catalogText)?.[1],
    headerPattern: /\n(AXE5E\*\*26)\t(AXE6E\*\*26)/.exec(catalogText)?.[2],
  };
})();

/** Whitespace-insensitive containment, for long cells of the characteristics and materials tables. */
export function textContains(fragment: string): boolean {
  const squash = (s: string) =>
    s
      .replace(/\s+/g, ' ')
      .replace(/H <sub>2<\/sub> S/g, 'H2S')
      .trim();
  return squash(catalogText).includes(squash(fragment));
}

/** Does the catalog text write this number somewhere (1000 as "1,000", 1.2 as "1.200", −55 as "−55")? */
export function numberWritten(value: number, within: string = catalogText): boolean {
  return numberPosition(value, within, 0) >= 0;
}

/** Index of the first place at or after `from` where the number is written, or −1. */
export function numberPosition(value: number, within: string, from: number): number {
  const abs = Math.abs(value);
  const forms = new Set([String(abs), abs.toLocaleString('en-US'), abs.toFixed(1), abs.toFixed(2), abs.toFixed(3)]);
  let best = -1;
  for (const f of forms) {
    const re = new RegExp(`(^|[^\\d.,])${f.replace(/[.,]/g, '\\$&')}($|[^\\d]|\\.(?!\\d))`, 'g');
    re.lastIndex = from;
    const m = re.exec(within);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}
