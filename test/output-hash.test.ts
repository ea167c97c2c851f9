/**
 * Byte-identical outputs: hashes of the whole KiCad library (with 3D models) and of a set of command
 * outputs, recorded from the code before the start-up work (issue 13). A change of any output byte
 * fails here; when an output is meant to change, record the new hash and say why in the commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kicadLibrary } from '../src/kicad/index.js';
import { cli } from './run-cli.js';

const LIBRARY_SHA256 = 'b8e59738dd11f980d395a04dc916d966e5069ce6c48a410282fae86a480c9298';
const COMMANDS_SHA256 = '71efc8cfb008436dfc463e4832e745dcf471dbc98065e2e541add19cf3e87b69';
const RUNS: readonly (readonly string[])[] = [
  ['decode', 'AXE540127', 'AXE634224', 'axe54O127', 'AXE520127D'], ['mate', 'AXE540127'], ['dims', 'AXE640124'], ['order', 'AXE540127', '12000'],
  ['parts', '--json'], ['spec'], ['explain', 'AXE540127', '--json'], ['footprint', 'AXE540127'], ['footprint', 'AXE634224', '--json'],
  ['symbol', 'AXE540127'], ['model', 'AXE540127'], ['model', 'AXE634224', '--format', 'wrl'], ['model', 'AXE634224', '--format', 'vrml'],
  ['drawing', 'AXE540127'], ['check', 'bench/fixtures/small-map.yaml', '--json'], ['check', '--part', 'AXE510127', 'bench/fixtures/small-map.csv'],
  ['bom', 'bench/fixtures/small-bom.csv'], ['kicad-lib', '--help'], ['--help'], ['decod'],
];

describe('outputs are byte-identical to the recorded ones', () => {
  it('the whole KiCad library (every file, with 3D models)', () => {
    const library = kicadLibrary({});
    if (!library.ok) throw new Error(library.error.message);
    const h = createHash('sha256');
    for (const task of library.value) h.update(`${task.path}\0`).update(task.build()).update('\0');
    expect(h.digest('hex')).toBe(LIBRARY_SHA256);
  });
  it('command outputs (standard output; with standard error and the exit code on failure)', async () => {
    const h = createHash('sha256');
    for (const args of RUNS) {
      const r = await cli([...args], '', { cwd: new URL('..', import.meta.url).pathname });
      h.update(`${args.join(' ')}\0${r.code === 0 ? r.stdout : `exit ${r.code}\n${r.stdout}${r.stderr}`}\0`);
    }
    expect(h.digest('hex')).toBe(COMMANDS_SHA256);
  });
});
