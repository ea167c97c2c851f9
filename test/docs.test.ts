/** Issue 9, item 13: what a reader of a fresh clone is told must work and exist. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README and docs tell the truth about a fresh clone', () => {
  // The README installs the command first (`npm link`, or `npm install -g` of the packed tarball);
  // a bare `a4s` example before that would be "not found" after `npm install` alone.
  it('every bare `a4s` example comes after the README has said how to put `a4s` on the PATH', () => {
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => ({ at: m.index!, lines: m[1]!.split('\n') }));
    expect(blocks.length).toBeGreaterThan(2);
    const install = blocks.find((b) => b.lines.some((l) => /^npm link\b/.test(l)));
    expect(install, 'a sh block with `npm link`').toBeDefined();
    const firstBare = blocks.find((b) => b.lines.some((l) => /^a4s\s/.test(l)));
    if (firstBare) {
      const installLine = install!.lines.findIndex((l) => /^npm link\b/.test(l));
      const bareLine = firstBare.lines.findIndex((l) => /^a4s\s/.test(l));
      expect(install!.at < firstBare.at || (install === firstBare && installLine < bareLine), 'npm link before the first bare a4s').toBe(true);
    }
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
