import { zlibSync } from 'fflate';

/**
 * The PCM package's icon (`resources/icon.png`): a 64 × 64 px picture of a two-row connector
 * (body, contacts, soldering terminals), drawn here pixel by pixel and written as a PNG (8-bit RGB,
 * zlib via fflate, which the zips already use), so that no image file or image library is needed
 * and the bytes are the same on every run. KiCad's metadata repository allows at most 64 × 64 px
 * and 20 KB (this one is well under 1 KB).
 */
export const ICON_SIZE_PX = 64;

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [255, 255, 255];
const BODY: Rgb = [52, 58, 64];
const CONTACT: Rgb = [212, 160, 40];
const TERMINAL: Rgb = [170, 128, 32];

/** The picture: rectangles painted in order (x0, y0, x1, y1 exclusive). */
function pixels(): Uint8Array {
  const n = ICON_SIZE_PX;
  const rgb = new Uint8Array(n * n * 3);
  const paint = (x0: number, y0: number, x1: number, y1: number, c: Rgb) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) rgb.set(c, (y * n + x) * 3);
  };
  paint(0, 0, n, n, BACKGROUND);
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
  return rgb;
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
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method variants, no interlace
  const rgb = pixels();
  // Each scan line: filter byte 0 (none), then the line's pixels.
  const raw = new Uint8Array(n * (1 + n * 3));
  for (let y = 0; y < n; y++) raw.set(rgb.subarray(y * n * 3, (y + 1) * n * 3), y * (1 + n * 3) + 1);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
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
