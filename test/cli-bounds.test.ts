import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCli } from './support/bundled-cli.js';

const ROOT = join(import.meta.dirname, '..');
const RSS = join(ROOT, 'test/support/report-rss.mjs');
const dir = mkdtempSync(join(tmpdir(), 'a4s-bounds-'));
/** The CLI of these sources bundled by esbuild (as `a4s` is built), shared by the worker's files: no tsx compiling the sources again in every process. */
let MAIN = '';
beforeAll(async () => {
  MAIN = await bundledCli();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssKb: number;
  ms: number;
  cpuMs: number;
}

/** Runs the real CLI in a child process (stdin from a file or a shell), with its peak memory and run time. */
function run(args: string[], options: { shell?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const node = [process.execPath, '--import', RSS, MAIN, ...args];
    const child = options.shell
      ? spawn('/bin/sh', ['-c', `${options.shell} | ${node.map((a) => `'${a}'`).join(' ')}`], { cwd: ROOT })
      : spawn(node[0]!, node.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`a4s ${args.join(' ')} did not end within ${options.timeoutMs ?? 20_000} ms`));
    }, options.timeoutMs ?? 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /@@maxrss-kb=(\d+) ms=(\d+) cpu-ms=(\d+)/.exec(stderr);
      resolve({ code, stdout, stderr, maxRssKb: m ? Number(m[1]) : Number.NaN, ms: m ? Number(m[2]) : Number.NaN, cpuMs: m ? Number(m[3]) : Number.NaN });
    });
  });
}

/**
 * Under 5 s and under 200 MB resident. The 5 s are CPU time, and wall time on an idle machine; on a
 * machine shared by more runnable processes than cores the wall-time bound grows with the load.
 */
function bounded(r: Run) {
  const load = Math.max(1, loadavg()[0]! / availableParallelism());
  expect(r.cpuMs).toBeLessThan(5_000);
  expect(r.ms).toBeLessThan(5_000 * load);
  expect(r.maxRssKb).toBeLessThan(200 * 1024);
}

describe('every input is read with a byte bound (issue 9, item 2)', () => {
  it('a4s check /dev/zero: PINMAP_TOO_LARGE, exit 2, in bounded time and memory', async () => {
    const r = await run(['check', '/dev/zero']);
    expect(r.stderr).toMatch(/error \[PINMAP_TOO_LARGE\]/);
    expect(r.code).toBe(2);
    bounded(r);
  });

  it('a4s check --netlist /dev/zero: the size error, exit 2, bounded', async () => {
    const r = await run(['check', '--netlist', '/dev/zero', '--ref', 'J1']);
    expect(r.stderr).toMatch(/error \[INPUT_UNREADABLE\]: \/dev\/zero is over [\d,]+ bytes/);
    expect(r.code).toBe(2);
    bounded(r);
  });

  it('a4s bom /dev/zero (endless NUL bytes): refused at its first bytes as not text (issue 20: INPUT_NOT_TEXT; the line bound is tested below), exit 2, bounded', async () => {
    const r = await run(['bom', '/dev/zero']);
    expect(r.stderr).toMatch(/error \[INPUT_NOT_TEXT\]: \/dev\/zero: The BOM is not text/);
    expect(r.code).toBe(2);
    bounded(r);
  });

  it('standard input: a4s check - and a4s bom - fed without end stop at the bound', async () => {
    const c = await run(['check', '-'], { shell: 'cat /dev/zero' });
    expect(c.stderr).toMatch(/PINMAP_TOO_LARGE/);
    expect(c.code).toBe(2);
    bounded(c);
    const b = await run(['bom', '-'], { shell: 'yes AXE540127 | tr -d "\\n"' });
    expect(b.stderr).toMatch(/BOM_TOO_LARGE/);
    expect(b.code).toBe(2);
    bounded(b);
  });

  it('a FIFO fed 300 MB is not read whole before PINMAP_TOO_LARGE', async () => {
    const fifo = join(dir, 'map.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('/bin/sh', ['-c', `head -c 300000000 /dev/zero > '${fifo}'`], { stdio: 'ignore' });
    const r = await run(['check', fifo]);
    writer.kill('SIGKILL');
    expect(r.stderr).toMatch(/PINMAP_TOO_LARGE/);
    expect(r.code).toBe(2);
    bounded(r);
  });
});

describe('decode - is bounded too', () => {
  it('a4s decode - < /dev/zero (one endless line): INPUT_UNREADABLE, exit 2, bounded', async () => {
    const r = await run(['decode', '-'], { shell: 'cat /dev/zero' });
    expect(r.stderr).toMatch(/error \[INPUT_UNREADABLE\]: Standard input: line 1 is longer than/);
    expect(r.code).toBe(2);
    bounded(r);
  });
});

describe('--overrides is bounded too', () => {
  it('a4s footprint --overrides /dev/zero: KICAD_OVERRIDES_UNREADABLE, exit 2, bounded', async () => {
    const r = await run(['footprint', 'AXE540127', '--overrides', '/dev/zero']);
    expect(r.stderr).toMatch(/error \[KICAD_OVERRIDES_UNREADABLE\].*over [\d,]+ bytes/);
    expect(r.code).toBe(2);
    bounded(r);
  });
});

/** Runs the CLI with standard output sent to /dev/full (a disk that is always full). */
function toDevFull(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const full = spawnSync('sh', ['-c', 'test -w /dev/full']).status === 0;
    expect(full, '/dev/full is needed for this test').toBe(true);
    const child = spawn('/bin/sh', ['-c', `exec '${process.execPath}' '${MAIN}' "$@" > /dev/full`, 'sh', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output errors (issue 9, item 3)', () => {
  it.each([['parts'], ['decode', 'AXE540127'], ['check', '--schema'], ['model', 'AXE540127'], ['kicad-lib', '@DIR@', '--no-models']])(
    'a4s %s > /dev/full: one "error [OUTPUT_WRITE_FAILED]" line, exit 2, no stack trace',
    async (...args) => {
      const r = await toDevFull(args.map((a) => a.replace('@DIR@', join(dir, `lib-${Math.random().toString(36).slice(2)}`))));
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error \[OUTPUT_WRITE_FAILED\]: cannot write to standard output: ENOSPC/)]);
      expect(r.code).toBe(2);
    },
  );

  it('EPIPE (the reader closes the pipe, as `| head` does) stays quiet, exit 0', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [MAIN, 'parts', '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
