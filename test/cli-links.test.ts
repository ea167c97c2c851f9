import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'a4s-cli-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A target folder holding links that point outside it: a file, a dangling link, a linked .pretty folder. */
function hostileTarget(name: string) {
  const base = join(root, name);
  const outside = join(base, 'outside');
  const target = join(base, 'lib');
  mkdirSync(join(outside, 'pretty'), { recursive: true });
  mkdirSync(target, { recursive: true });
  writeFileSync(join(outside, 'victim.txt'), 'precious\n');
  writeFileSync(join(target, 'mine.txt'), 'user file\n');
  symlinkSync('../outside/victim.txt', join(target, 'fp-lib-table'));
  symlinkSync('../outside/created.txt', join(target, 'sym-lib-table'));
  symlinkSync('../outside/pretty', join(target, 'Panasonic_A4S.pretty'));
  return { outside, target };
}

describe('never write through a symbolic link (issue 9, item 1)', () => {
  it('kicad-lib --force into a folder holding links pointing outside: exit 2, every file outside unchanged, nothing written', async () => {
    const { outside, target } = hostileTarget('kicad-lib');
    const r = await cli(['kicad-lib', target, '--force', '--no-models']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/KICAD_WRITE_FAILED/);
    expect(r.stderr).toMatch(/symbolic link/);
    expect(r.stderr).toMatch(/fp-lib-table/);
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(existsSync(join(outside, 'created.txt'))).toBe(false);
    expect(readdirSync(join(outside, 'pretty'))).toEqual([]);
    expect(readdirSync(target).sort()).toEqual(['Panasonic_A4S.pretty', 'fp-lib-table', 'mine.txt', 'sym-lib-table']);
  });

  it('kicad-lib --help says what happens to links', async () => {
    const r = await cli(['kicad-lib', '--help']);
    expect(r.stdout).toMatch(/symbolic link/i);
  });

  it.each([
    ['footprint', ['footprint', 'AXE540127']],
    ['symbol', ['symbol', 'AXE540127']],
    ['model', ['model', 'AXE540127']],
    ['model --format wrl', ['model', 'AXE540127', '--format', 'wrl']],
    ['drawing', ['drawing', 'AXE540127']],
  ])('%s -o onto a symbolic link (to a file, or dangling): refused, exit 2, nothing written outside', async (name, args) => {
    const base = join(root, `o-${name.replace(/\W+/g, '-')}`);
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, 'victim.txt'), 'precious\n');
    symlinkSync('victim.txt', join(base, 'out.file'));
    symlinkSync('missing.txt', join(base, 'dangling.file'));
    const r1 = await cli([...args, '-o', join(base, 'out.file')]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/symbolic link/);
    expect(readFileSync(join(base, 'victim.txt'), 'utf8')).toBe('precious\n');
    const r2 = await cli([...args, '-o', join(base, 'dangling.file')]);
    expect(r2.code).toBe(2);
    expect(existsSync(join(base, 'missing.txt'))).toBe(false);
    // a plain path is still written
    const r3 = await cli([...args, '-o', join(base, 'plain.file')]);
    expect(r3.code).toBe(0);
    expect(readFileSync(join(base, 'plain.file')).length).toBeGreaterThan(100);
  });
});

describe('-o write errors (issue 9, item 3)', () => {
  it.each([
    ['footprint', 'AXE540127'],
    ['symbol', 'AXE540127'],
    ['model', 'AXE540127'],
    ['drawing', 'AXE540127'],
  ])('a4s %s -o /dev/full: one "error [OUTPUT_WRITE_FAILED]" line, exit 2', async (command, pn) => {
    const r = await cli([command, pn, '-o', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error \[OUTPUT_WRITE_FAILED\]: .*(ENOSPC|no space)/i)]);
  });
});
