/**
 * Issue 20, item 1: every file any command writes goes through the one safe writer (src/cli/files.ts).
 * The commands come from the command table (src/cli/commands/index.ts): a new command fails the
 * first test until it is listed here as a writer or not, so a new way of writing cannot slip by.
 */
import { builtInSeries } from '../src/catalog/index.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/full.js';
import { cli } from './run-cli.js';
import { bundledCli } from './support/bundled-cli.js';

const ROOT = join(import.meta.dirname, '..');
const root = mkdtempSync(join(tmpdir(), 'a4s-cli-writes-'));
/**
 * The CLI of these sources, bundled by esbuild (as `npm run build` makes `a4s`), shared by the
 * worker's files (test/support/bundled-cli.ts): each process then starts in a tenth of a second,
 * where `node --import tsx src/cli/main.ts` compiled the sources again in every one of them (about
 * a second of CPU each, most of this file's time).
 */
let MAIN = '';
beforeAll(async () => {
  MAIN = await bundledCli();
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every command that writes one file, and the words that make it write to `out`. */
const FILE_WRITERS: Record<string, (out: string) => string[]> = {
  footprint: (out) => ['footprint', 'AXE540127', '-o', out],
  symbol: (out) => ['symbol', 'AXE540127', '-o', out],
  model: (out) => ['model', 'AXE540127', '-o', out],
  drawing: (out) => ['drawing', 'AXE540127', '-o', out],
  'circuit-json': (out) => ['circuit-json', 'AXE540127', '-o', out],
  'eagle-lib': (out) => ['eagle-lib', out],
  'easyeda-lib': (out) => ['easyeda-lib', out],
  'kicad-pcm': (out) => ['kicad-pcm', out],
};
/** Commands that write a folder. */
const FOLDER_WRITERS: Record<string, (dir: string) => string[]> = {
  'kicad-lib': (dir) => ['kicad-lib', dir, '--no-models'],
};
/** Commands that write no file (standard output only). */
const NON_WRITERS = ['decode', 'parts', 'mate', 'dims', 'spec', 'explain', 'verify-footprint', 'check', 'bom', 'order'];

async function commandNames(): Promise<{ name: string; options: string[] }[]> {
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from(['']), isTTY: false, cwd: root };
  return (await buildProgram({ io, series: builtInSeries, exitCode: 0 })).commands.map((c) => ({
    name: c.name(),
    options: c.options.map((o) => o.long ?? ''),
  }));
}

/** Files left in a folder whose name says they are a4s temporaries. */
const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.includes('a4s-tmp') || f.includes('.partial'));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The real CLI in a child process; `shell` runs before it (e.g. a `ulimit`); `onStart` may signal it. */
function run(args: string[], options: { shell?: string; onStart?: (kill: (s: NodeJS.Signals) => void) => void } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const words = [process.execPath, MAIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('/bin/bash', ['-c', `${options.shell ?? ''}\nexec ${words}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`a4s ${args.join(' ')} did not end within 60 s`));
    }, 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    options.onStart?.((s) => child.kill(s));
  });
}

describe('the commands that write (from src/cli/commands/index.ts)', () => {
  it('every command is listed as a file writer, a folder writer or not a writer; every -o command is a file writer', async () => {
    const names = await commandNames();
    expect(names.map((c) => c.name).sort()).toEqual([...Object.keys(FILE_WRITERS), ...Object.keys(FOLDER_WRITERS), ...NON_WRITERS].sort());
    for (const c of names) if (c.options.includes('--output')) expect(Object.keys(FILE_WRITERS), c.name).toContain(c.name);
  });
});

describe.each(Object.entries(FILE_WRITERS))('a4s %s: the safe writer', (name, words) => {
  const base = join(root, name);
  mkdirSync(base, { recursive: true });

  it('refuses a symbolic link at the path (to a file, dangling): exit 2, OUTPUT_WRITE_FAILED, the file outside unchanged', async () => {
    writeFileSync(join(base, 'victim.txt'), 'precious\n');
    symlinkSync('victim.txt', join(base, 'link.out'));
    symlinkSync('missing.txt', join(base, 'dangling.out'));
    const r1 = await cli(words(join(base, 'link.out')));
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/^error \[OUTPUT_WRITE_FAILED\]: .*symbolic link/);
    expect(readFileSync(join(base, 'victim.txt'), 'utf8')).toBe('precious\n');
    const r2 = await cli(words(join(base, 'dangling.out')));
    expect(r2.code).toBe(2);
    expect(existsSync(join(base, 'missing.txt'))).toBe(false);
    expect(temporaries(base)).toEqual([]);
    // A plain path is written, whole.
    const r3 = await cli(words(join(base, 'plain.out')));
    expect([0, 1]).toContain(r3.code);
    expect(readFileSync(join(base, 'plain.out')).length).toBeGreaterThan(1024);
  });

  it('a write error half-way (a 1 KiB file-size limit): exit 2, the old file unchanged, no partial or temporary file', async () => {
    const dir = join(base, 'efbig');
    mkdirSync(dir);
    writeFileSync(join(dir, 'old.out'), 'the old content\n');
    const r = await run(words(join(dir, 'old.out')), { shell: 'ulimit -f 1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[OUTPUT_WRITE_FAILED\]: .*(EFBIG|too large)/);
    expect(readFileSync(join(dir, 'old.out'), 'utf8')).toBe('the old content\n');
    expect(readdirSync(dir)).toEqual(['old.out']);
    const r2 = await run(words(join(dir, 'new.out')), { shell: 'ulimit -f 1' });
    expect(r2.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['old.out']);
  }, 60_000);

  it('SIGINT at any moment: the file is the old one or the whole new one, never a part; no temporary file', async () => {
    const dir = join(base, 'sigint');
    mkdirSync(dir);
    const whole = join(base, 'whole.out');
    await cli(words(whole));
    const expected = readFileSync(whole);
    for (const delayMs of [400, 900, 1400]) {
      writeFileSync(join(dir, 'f.out'), 'old\n');
      await run(words(join(dir, 'f.out')), { onStart: (kill) => setTimeout(() => kill('SIGINT'), delayMs) });
      const now = readFileSync(join(dir, 'f.out'));
      expect(now.equals(expected) || now.toString() === 'old\n', `after ${delayMs} ms`).toBe(true);
      expect(readdirSync(dir)).toEqual(['f.out']);
    }
  }, 120_000);
});

describe('kicad-lib: one library or none', () => {
  it('the folder writer is kicad-lib, and it refuses a link (see also cli-links.test.ts)', async () => {
    const dir = join(root, 'kl-link');
    mkdirSync(join(dir, 'outside'), { recursive: true });
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'keep.txt'), 'x');
    symlinkSync('../outside/victim', join(dir, 'lib', 'README.md'));
    const r = await cli([...FOLDER_WRITERS['kicad-lib']!(join(dir, 'lib')), '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/KICAD_WRITE_FAILED.*symbolic link/);
    expect(readdirSync(join(dir, 'outside'))).toEqual([]);
    expect(readdirSync(join(dir, 'lib')).sort()).toEqual(['README.md', 'keep.txt']);
  });

  it('8 parallel runs without --force into one folder: one writes, the others stop cleanly (exit 2), the folder holds exactly one library', async () => {
    const dir = join(root, 'kl-race', 'lib');
    const runs = await Promise.all(Array.from({ length: 8 }, () => run(['kicad-lib', dir, '--no-models', '--json'])));
    const winners = runs.filter((r) => r.code === 0);
    expect(winners).toHaveLength(1);
    for (const r of runs.filter((x) => x.code !== 0)) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/"code":"KICAD_DIR_(BUSY|NOT_EMPTY)"/);
    }
    const files = (JSON.parse(winners[0]!.stdout) as { files: { path: string; bytes: number }[] }).files;
    const onDisk = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
    expect(onDisk).toEqual(files.map((f) => f.path).sort());
    for (const f of files) expect(readFileSync(join(dir, f.path)).length, f.path).toBe(f.bytes);
  }, 120_000);

  it('a write error half-way (a 1 KiB file-size limit): exit 2, KICAD_WRITE_FAILED, no partial library (a new folder removed, an old one as it was)', async () => {
    const base = join(root, 'kl-efbig');
    const fresh = join(base, 'new');
    mkdirSync(base);
    const r = await run(['kicad-lib', fresh, '--no-models'], { shell: 'ulimit -f 1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[KICAD_WRITE_FAILED\]: .*(EFBIG|too large)/);
    expect(existsSync(fresh)).toBe(false);
    const old = join(base, 'old');
    expect((await cli(['kicad-lib', old, '--no-models'])).code).toBe(0);
    writeFileSync(join(old, 'README.md'), 'old readme\n');
    const before = readdirSync(old, { recursive: true }).sort();
    const r2 = await run(['kicad-lib', old, '--force', '--no-models'], { shell: 'ulimit -f 1' });
    expect(r2.code).toBe(2);
    expect(readdirSync(old, { recursive: true }).sort()).toEqual(before);
    expect(readFileSync(join(old, 'README.md'), 'utf8')).toBe('old readme\n');
  }, 60_000);

  it('SIGINT while the library is generated: no partial library (a new folder is removed, an old library stays as it was)', async () => {
    const base = join(root, 'kl-sigint');
    mkdirSync(base);
    const interruptWhenStaging = (dir: string) => (kill: (s: NodeJS.Signals) => void) => {
      const poll = setInterval(() => {
        if (existsSync(join(dir, '.a4s-kicad-lib.partial', 'Panasonic_A4S.pretty'))) {
          clearInterval(poll);
          kill('SIGINT');
        }
      }, 5);
      setTimeout(() => clearInterval(poll), 50_000);
    };
    // A new folder: gone after the interruption.
    const fresh = join(base, 'new');
    const r = await run(['kicad-lib', fresh], { onStart: interruptWhenStaging(fresh) });
    expect(r.signal ?? r.code).toBe('SIGINT');
    expect(existsSync(fresh)).toBe(false);
    // An old library rewritten with --force: every old file as it was, no staging folder.
    const old = join(base, 'old');
    expect((await cli(['kicad-lib', old, '--no-models'])).code).toBe(0);
    writeFileSync(join(old, 'README.md'), 'old readme\n');
    writeFileSync(join(old, 'mine.txt'), 'user file\n');
    const before = readdirSync(old, { recursive: true }).sort();
    const r2 = await run(['kicad-lib', old, '--force'], { onStart: interruptWhenStaging(old) });
    expect(r2.signal ?? r2.code).toBe('SIGINT');
    expect(readdirSync(old, { recursive: true }).sort()).toEqual(before);
    expect(readFileSync(join(old, 'README.md'), 'utf8')).toBe('old readme\n');
  }, 120_000);
});
