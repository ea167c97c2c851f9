/**
 * `a4s decode -` streams: a long list on standard input is answered line by line under a 64 MB heap
 * cap, which the JSON written (about 430 bytes a line) would overflow if it were kept. Run at two
 * sizes: a quarter million lines in the unit tier (test/cli-catalog.test.ts, 107 MB of JSON) and the
 * full million in the tools tier (test/tools/decode-stream.test.ts, 430 MB; ten seconds of CPU).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCli } from './bundled-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Registers the test with `lines` input lines (a multiple of 10,000). */
export function decodeStreamTest(lines: number, title: string): void {
  describe(`a4s decode - on ${title}`, () => {
    it('streams in constant memory (a 64 MB heap cap would overflow if results were kept)', async () => {
      const main = await bundledCli();
      const child = spawn(process.execPath, ['--max-old-space-size=64', main, 'decode', '--json', '-'], {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let outputLines = 0;
      let tail = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        const text = tail + chunk;
        const parts = text.split('\n');
        tail = parts.pop()!;
        outputLines += parts.length;
      });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      const sample = ['AXE540127', 'AXE634224', 'axe5e4026', 'nonsense', 'AXE640124D'];
      (async () => {
        const chunk = Array.from({ length: 10_000 }, (_, i) => sample[i % sample.length]).join('\n') + '\n';
        for (let i = 0; i < lines / 10_000; i++) {
          if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
        }
        child.stdin.end();
      })();
      const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
      expect(stderr).toBe('');
      expect(code).toBe(1); // some lines are not standard
      expect(outputLines + (tail ? 1 : 0)).toBe(lines + 2); // "[", one line per object, "]"
    }, 240_000);
  });
}
