/**
 * `.ci/run`'s closing line ("vitest: N passed, N failed") adds up the summaries of both tiers
 * (`npm test` runs the unit tier, then the tools tier: two vitest runs, two "Tests" lines).
 * The logs below are written by hand in vitest 4's format, colours included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RUN = join(import.meta.dirname, '..', '.ci', 'run');
const dir = mkdtempSync(join(tmpdir(), 'a4s-ci-summary-'));
const E = '\x1b';
/** One vitest summary as vitest prints it in colour. */
const tests = (parts: string) => `${E}[2m      Tests ${E}[22m ${parts}${E}[90m (0)${E}[39m`;
const failed = (n: number) => `${E}[1m${E}[31m${n} failed${E}[39m${E}[22m${E}[2m | ${E}[22m`;
const passed = (n: number) => `${E}[1m${E}[32m${n} passed${E}[39m${E}[22m`;
const skipped = (n: number) => `${E}[33m${n} skipped${E}[39m`;

function summary(log: string): string {
  const file = join(dir, `log-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, log);
  const r = spawnSync('bash', [RUN, '--summary', file], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.trim();
}

describe('.ci/run --summary', () => {
  it('adds up the unit tier and the tools tier', () => {
    const log = [
      '> vitest run --project unit',
      `${E}[2m Test Files ${E}[22m ${E}[1m${E}[32m120 passed${E}[39m${E}[22m${E}[90m (120)${E}[39m`,
      tests(`${failed(2)}${passed(1400)}${E}[2m | ${E}[22m${skipped(1)}`),
      '> vitest run --project tools',
      'a test printed this line: Tests are fun',
      tests(passed(60)),
    ].join('\n');
    expect(summary(log)).toBe('vitest: 1460 passed, 2 failed, 1 skipped');
  });
  it('one tier only (the other stopped before its summary): says so', () => {
    expect(summary(tests(passed(7)))).toBe('vitest: 7 passed, 0 failed (1 vitest run summarised, 2 expected: a tier stopped before its summary)');
  });
  it('no vitest run at all (biome or tsc failed first): no closing line', () => {
    expect(summary('error: lint\n')).toBe('');
  });
});
