/**
 * The PCM package's icon (`resources/icon.png`): a 64 × 64 px picture of a two-row connector
 * (body, contacts, soldering terminals), drawn here pixel by pixel and written as a PNG (4 palette
 * colours, one byte a pixel, deflate "stored" blocks: no compressor needed, so that the library
 * loads no zip code at start-up), with no image file or image library, the same bytes on every
 * run. KiCad's metadata repository allows at most 64 × 64 px and 20 KB (this one is about 4.3 KB).
 */
export const ICON_SIZE_PX = 64;

type Rgb = readonly [number, number, number];
/** The palette, in index order: background, body, contact, soldering terminal. */
const PALETTE: readonly Rgb[] = [
  [255, 255, 255],
  [52, 58, 64],
  [212, 160, 40],
  [170, 128, 32],
];
const [BACKGROUND, BODY, CONTACT, TERMINAL] = [0, 1, 2, 3] as const;

/** The picture as palette indices, row by row: rectangles painted in order (x0, y0, x1, y1 exclusive). */
function pixels(): Uint8Array {
  const n = ICON_SIZE_PX;
  const px = new Uint8Array(n * n).fill(BACKGROUND);
  const paint = (x0: number, y0: number, x1: number, y1: number, c: number) => {
    for (let y = y0; y < y1; y++) px.fill(c, y * n + x0, y * n + x1);
  };
  // Contacts: two rows of ten, pitch 5 px, reaching out of the body on both sides.
  for (let k = 0; k < 10; k++) {
    const x = 8 + 5 * k;
    paint(x, 12, x + 3, 24, CONTACT);
    paint(x, 40, x + 3, 52, CONTACT);
  }
  paint(4, 20, 60, 44, BODY);
  // Soldering terminals at both ends.
  paint(0, 24, 5, 40, TERMINAL);
  paint(59, 24, 64, 40, TERMINAL);
  return px;
}

/** A zlib stream of stored (uncompressed) deflate blocks (RFC 1950/1951), each at most 65535 bytes. */
function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + data.length + 5 * blocks + 4);
  out.set([0x78, 0x01], 0);
  let at = 2;
  for (let k = 0; k < blocks; k++) {
    const part = data.subarray(k * 65535, (k + 1) * 65535);
    out[at] = k === blocks - 1 ? 1 : 0;
    out[at + 1] = part.length & 0xff;
    out[at + 2] = part.length >>> 8;
    out[at + 3] = ~part.length & 0xff;
    out[at + 4] = (~part.length >>> 8) & 0xff;
    out.set(part, at + 5);
    at += 5 + part.length;
  }
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  new DataView(out.buffer).setUint32(at, ((b << 16) | a) >>> 0);
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The icon as PNG bytes (deterministic). */
export function iconPng(): Uint8Array {
  const n = ICON_SIZE_PX;
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, n);
  view.setUint32(4, n);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, filter method 0, no interlace
  const px = pixels();
  // Each scan line: filter byte 0 (none), then the line's palette indices.
  const raw = new Uint8Array(n * (1 + n));
  for (let y = 0; y < n; y++) raw.set(px.subarray(y * n, (y + 1) * n), y * (1 + n) + 1);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(PALETTE.flat())),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
