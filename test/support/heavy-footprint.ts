/**
 * A heavy but valid footprint upload (the adversarial pass's 3.9 MB): our AXE540127 footprint with
 * extra items appended until the text reaches `bytes`: silkscreen lines (`lines`) or copper pads
 * numbered past the part's (`pads`, which the verifier reports). Verifying one takes ≈ 0.5 s of a
 * core and ≈ 100 MB of memory.
 */
import { footprintFile } from '../../src/kicad/index.js';

export const HEAVY_PART = 'AXE540127';

export function heavyFootprint(kind: 'lines' | 'pads' = 'pads', bytes = 3_900_000): string {
  const f = footprintFile(HEAVY_PART);
  if (!f.ok) throw new Error(f.error.message);
  const text = f.value.content;
  const end = text.lastIndexOf(')');
  const items: string[] = [];
  let size = text.length;
  for (let n = 0; size < bytes; n++) {
    const item =
      kind === 'pads'
        ? `  (pad "${100 + n}" smd rect (at ${((n % 1000) * 0.01).toFixed(2)} ${(Math.floor(n / 1000) * 0.01).toFixed(2)}) (size 0.23 0.8) (layers "F.Cu" "F.Mask"))\n`
        : `  (fp_line (start ${(n * 0.001).toFixed(3)} 0) (end ${(n * 0.001).toFixed(3)} 1) (stroke (width 0.1) (type solid)) (layer "F.SilkS"))\n`;
    items.push(item);
    size += item.length;
  }
  return text.slice(0, end) + items.join('') + text.slice(end);
}
