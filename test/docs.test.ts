/** Issue 9, item 13: what a reader of a fresh clone is told must work and exist. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README and docs tell the truth about a fresh clone', () => {
  it('the README installs the command (npm link) before its first bare `a4s` example, and says what `npx a4s` costs', () => {
    // Issue 21 item 6: users type `a4s`; after `npm install` alone a bare `a4s` is "not found", so the
    // first shell block that uses it must install it first (npm link), and the one-off npx way is named.
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(2);
    const lines = blocks.flatMap((b) => b.split('\n'));
    const firstBare = lines.findIndex((l) => /^a4s\s/.test(l));
    const link = lines.findIndex((l) => /^npm link\b/.test(l));
    expect(firstBare).toBeGreaterThan(-1);
    expect(link).toBeGreaterThan(-1);
    expect(link).toBeLessThan(firstBare);
    expect(readme).toMatch(/`npx a4s …`[^\n]*one-off/);
    expect(readme).toMatch(/npm install -g \.\/a4s-toolkit-<version>\.tgz/);
  });

  it('every relative link of the README points into the repository, and to a file that exists', () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)\)|`(\.\.\/[^`]+)`/g)].map((m) => m[1] ?? m[2]!).filter((l) => !/^[a-z]+:/.test(l));
    for (const link of links) {
      expect(link.startsWith('..'), link).toBe(false);
      expect(existsSync(join(ROOT, link)), link).toBe(true);
    }
    expect(readme).not.toMatch(/\.\.\/shared\//);
    expect(readme).toMatch(/docs\/architecture\.md/);
    expect(existsSync(join(ROOT, 'docs/architecture.md'))).toBe(true);
  });

  it('data/source/A4S-reference.md names the catalog text where it is', () => {
    const file = join(ROOT, 'data/source/A4S-reference.md');
    const text = readFileSync(file, 'utf8');
    const named = [...text.matchAll(/`([^`\s]*A4S-catalog\.txt)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(existsSync(join(dirname(file), n)), n).toBe(true);
  });
});
