/**
 * The `a4s` binary is the esbuild bundle of src/cli (scripts/bundle.ts, dist/cli/). Built here into
 * a temporary folder: it prints the recorded bytes (the same as the source, output-hash.test.ts),
 * and a command's start reads only the start-up file and that command's chunks.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../scripts/bundle.js';
import { COMMANDS_SHA256, hashRuns, REPO } from './output-runs.js';

const dir = mkdtempSync(join(tmpdir(), 'a4s-bundle-'));
let main = '';
beforeAll(async () => {
  main = await bundleCli(join(dir, 'cli'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: readonly string[]) => {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: REPO, encoding: 'utf8' });
  return Promise.resolve({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
};

describe('bundled a4s (dist/cli)', () => {
  it('prints the recorded bytes for every recorded run', async () => {
    expect(await hashRuns(run)).toBe(COMMANDS_SHA256);
  }, 120_000);
  it('the start-up file holds no command and none of zod, yaml, csv-parse; each command is its own chunk', () => {
    const text = readFileSync(main, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    for (const marker of ['describePart', 'writeSexpr', 'catalogParts', 'ZodType', 'LineCounter', 'CsvError']) expect(text, marker).not.toContain(marker);
    const chunks = readdirSync(join(dir, 'cli/chunks'));
    for (const name of ['decode', 'footprint', 'kicad-lib', 'check', 'bom']) expect(chunks.some((c) => c.startsWith(`${name}-`)), name).toBe(true);
  });
});
