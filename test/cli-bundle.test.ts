/**
 * The `a4s` binary is the esbuild bundle of src/cli (scripts/bundle.ts, dist/cli/), the server's
 * that of src/server (dist/server/). Built here into a temporary folder: the CLI prints the recorded
 * bytes (the same as the source, output-hash.test.ts), a command's start reads only the start-up
 * file and that command's chunks, and the server answers as the source's app does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../scripts/bundle.js';
import { footprintFile } from '../src/kicad/index.js';
import { createApp } from '../src/server/index.js';
import { COMMANDS_SHA256, hashRuns, REPO } from './output-runs.js';
import { bundledCli } from './support/bundled-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'a4s-bundle-'));
let main = '';
let serverMain = '';
beforeAll(async () => {
  // The CLI's bundle is the one the worker's files share (test/support/bundled-cli.ts, bundleCli).
  main = await bundledCli();
  serverMain = await bundleServer(join(dir, 'server'));
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
    const chunks = readdirSync(join(dirname(main), 'chunks'));
    for (const name of ['decode', 'footprint', 'kicad-lib', 'check', 'bom'])
      expect(
        chunks.some((c) => c.startsWith(`${name}-`)),
        name,
      ).toBe(true);
  });
});

describe('bundled server (dist/server)', () => {
  it('starts and answers as the source app does', async () => {
    const port = 18135; // issue 13's port range
    const child = spawn(process.execPath, [serverMain], { stdio: 'ignore', env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', A4S_WEB_ROOT: '' } });
    try {
      const get = async (path: string) => {
        for (let i = 0; i < 500; i++) {
          try {
            const res = await fetch(`http://127.0.0.1:${port}${path}`);
            return { status: res.status, body: await res.text() };
          } catch {
            await new Promise((r) => setTimeout(r, 20));
          }
        }
        throw new Error('the bundled server did not answer');
      };
      expect((await get('/healthz')).status).toBe(200);
      const source = createApp();
      for (const path of ['/api/parts/AXE540127', '/api/openapi.json', '/api/errors']) {
        const expected = await source.request(path);
        expect(await get(path), path).toEqual({ status: expected.status, body: await expected.text() });
      }
      // A heavy request runs in the bundle's worker (dist/server/worker.js beside main.js): the same answer.
      const footprint = footprintFile('AXE640124');
      if (!footprint.ok) throw new Error(footprint.error.message);
      const init = { method: 'POST', body: footprint.value.content, headers: { 'content-type': 'text/plain' } };
      const bundled = await fetch(`http://127.0.0.1:${port}/api/verify-footprint?format=text`, init);
      const expected = await source.request('/api/verify-footprint?format=text', init);
      expect({ status: bundled.status, body: await bundled.text() }).toEqual({ status: expected.status, body: await expected.text() });
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { workers: { mode: string } };
      expect(health.workers.mode).toBe('threads');
      await source.close();
    } finally {
      child.kill();
    }
  }, 60_000);
});
