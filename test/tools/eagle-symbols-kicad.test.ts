/**
 * The Eagle library's symbols, read by a real program: `kicad-cli sym upgrade` (KiCad 9) converts
 * our `.lbr` into a `.kicad_sym` with one symbol per Eagle device (each device set has one device),
 * each with the device set's pins (a pin per connected pad: the soldering terminals' MP pin becomes
 * MP1 … MPn) and a footprint naming the device's package. Fails when kicad-cli is missing.
 */
import { footprintFamilies } from '../../src/geometry/index.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eagleLibrary, eagleName } from '../../src/formats/index.js';
import { readSexpr, type SList, type SNode } from '../../src/sexpr/index.js';

let dir = '';
let lbr = '';
const symbols = new Map<string, SList>();

const isList = (n: SNode): n is SList => Array.isArray(n);
const head = (n: SNode): string | undefined => (isList(n) && n[0] && typeof n[0] === 'object' && 'atom' in n[0] ? n[0].atom : undefined);
const text = (n: SNode | undefined): string => (n && typeof n === 'object' && 'str' in n ? n.str : String(n));
function* walk(n: SNode): Generator<SList> {
  if (!isList(n)) return;
  yield n;
  for (const c of n) yield* walk(c);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'a4s-eagle-sym-'));
  lbr = eagleLibrary();
  writeFileSync(join(dir, 'ours.lbr'), lbr);
  const out = join(dir, 'out.kicad_sym');
  const run = spawnSync('kicad-cli', ['sym', 'upgrade', join(dir, 'ours.lbr'), '-o', out], { encoding: 'utf8', timeout: 120_000 });
  if (run.error || run.status !== 0)
    throw new Error(`kicad-cli (KiCad 9) is needed for this test: ${run.error?.message ?? `exit ${run.status}: ${run.stderr}`}`);
  const tree = readSexpr(readFileSync(out, 'utf8'));
  if (!tree.ok) throw new Error(`kicad-cli wrote an unreadable .kicad_sym: ${tree.error.message}`);
  const root = tree.value as SList;
  expect(head(root)).toBe('kicad_symbol_lib');
  for (const n of root) if (head(n) === 'symbol') symbols.set(text((n as SList)[1]), n as SList);
}, 180_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Device sets, their packages and connected pads, read from our .lbr's text. */
function devices(): { name: string; pkg: string; pads: string[] }[] {
  return [...lbr.matchAll(/<deviceset name="([^"]+)"[\s\S]*?<device name="" package="([^"]+)">([\s\S]*?)<\/device>/g)].map((m) => ({
    name: m[1]!,
    pkg: m[2]!,
    pads: [...m[3]!.matchAll(/<connect [^>]*pad="([^"]+)"/g)].flatMap((c) => c[1]!.split(' ')),
  }));
}

describe('Eagle symbols in KiCad 9 (kicad-cli sym upgrade)', () => {
  it('gives one symbol per Eagle device, and one device per footprint family', () => {
    const ds = devices();
    expect(ds).toHaveLength(footprintFamilies.length);
    expect([...symbols.keys()].sort()).toEqual(ds.map((d) => d.name).sort());
    expect(ds.map((d) => d.name).sort()).toEqual(footprintFamilies.map((f) => eagleName(f.symbolName)).sort());
  });

  it("each symbol has a pin per connected pad and the device's package as its footprint", () => {
    for (const d of devices()) {
      const sym = symbols.get(d.name);
      expect(sym, d.name).toBeDefined();
      const pins = [...walk(sym!)].filter((n) => head(n) === 'pin');
      const numbers = pins.map((p) => text((p.find((c) => head(c) === 'number') as SList | undefined)?.[1]));
      expect(numbers.sort(), d.name).toEqual([...d.pads].sort());
      const footprint = sym!.find((c) => head(c) === 'property' && text((c as SList)[1]) === 'Footprint') as SList | undefined;
      expect(text(footprint?.[2]), d.name).toMatch(new RegExp(`:${d.pkg.replace(/[.]/g, '\\.')}$`));
    }
  });
});
