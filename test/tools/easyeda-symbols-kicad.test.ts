/**
 * The EasyEDA Pro library's symbols, read by a real program: `kicad-cli sym upgrade lib.elibz`
 * (KiCad 9's EasyEDA Pro schematic importer) converts the .elibz into a .kicad_sym with one symbol
 * per family; each has the same pins (number, position, orientation, length) as our own KiCad
 * symbol of that family, and the footprint its devices name. Fails when kicad-cli is missing.
 */
import { footprintFamilies } from '../../src/geometry/index.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { easyedaLibrary } from '../../src/formats/index.js';
import { symbolLibrary } from '../../src/kicad/index.js';
import { readSexpr, type SList, type SNode } from '../../src/sexpr/index.js';

const isList = (n: SNode): n is SList => Array.isArray(n);
const head = (n: SNode): string | undefined => (isList(n) && n[0] && typeof n[0] === 'object' && 'atom' in n[0] ? n[0].atom : undefined);
const text = (n: SNode | undefined): string => (n && typeof n === 'object' && 'str' in n ? n.str : String(n));
const child = (n: SList, name: string) => n.find((c) => head(c) === name) as SList | undefined;
function* walk(n: SNode): Generator<SList> {
  if (!isList(n)) return;
  yield n;
  for (const c of n) yield* walk(c);
}

/** Top-level symbols of a .kicad_sym text by name. */
function symbolsOf(kicadSym: string): Map<string, SList> {
  const tree = readSexpr(kicadSym);
  if (!tree.ok) throw new Error(tree.error.message);
  const out = new Map<string, SList>();
  for (const n of tree.value as SList) if (head(n) === 'symbol') out.set(text((n as SList)[1]), n as SList);
  return out;
}
const pinsOf = (sym: SList) =>
  [...walk(sym)]
    .filter((n) => head(n) === 'pin')
    .map((p) => {
      const at = child(p, 'at')!;
      return `${text(child(p, 'number')?.[1])}@${at[1]},${at[2]},${at[3]} len ${child(p, 'length')?.[1]}`;
    })
    .sort();
const property = (sym: SList, name: string) => text((sym.find((c) => head(c) === 'property' && text((c as SList)[1]) === name) as SList | undefined)?.[2]);

let dir = '';
let theirs = new Map<string, SList>();
const ours = symbolsOf(symbolLibrary());

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'a4s-easyeda-sym-'));
  writeFileSync(join(dir, 'lib.elibz'), easyedaLibrary());
  const out = join(dir, 'out.kicad_sym');
  const run = spawnSync('kicad-cli', ['sym', 'upgrade', join(dir, 'lib.elibz'), '-o', out], { encoding: 'utf8', timeout: 120_000 });
  if (run.error || run.status !== 0)
    throw new Error(`kicad-cli (KiCad 9) is needed for this test: ${run.error?.message ?? `exit ${run.status}: ${run.stderr}`}`);
  theirs = symbolsOf(readFileSync(out, 'utf8'));
}, 180_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('EasyEDA Pro symbols in KiCad 9 (kicad-cli sym upgrade of the .elibz)', () => {
  it('one symbol per footprint family', () => {
    expect([...theirs.keys()].sort()).toEqual(footprintFamilies.map((f) => f.symbolName).sort());
  });

  for (const family of footprintFamilies) {
    it(`${family.symbolName}: the pins of our KiCad symbol, the family's footprint, Panasonic`, () => {
      const sym = theirs.get(family.symbolName);
      const mine = ours.get(family.symbolName);
      expect(sym, 'imported').toBeDefined();
      expect(mine, 'our symbol').toBeDefined();
      const pins = pinsOf(sym!);
      expect(pins).toHaveLength(family.pins + 1);
      expect(pins).toEqual(pinsOf(mine!));
      expect(property(sym!, 'Footprint')).toBe(`lib:${family.footprintName}`);
      expect(property(sym!, 'Reference')).toBe('J');
      expect(property(sym!, 'Manufacturer')).toBe('Panasonic');
      expect(family.partNumbers).toContain(property(sym!, 'Manufacturer Part'));
    });
  }
});
