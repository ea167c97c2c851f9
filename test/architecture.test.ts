/**
 * The core runs in the browser too (DESIGN.md): it imports no Node built-ins, and it never imports
 * the edges (cli, server, web). Every module has a small public index.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;
const CORE = ['catalog', 'partnumber', 'select', 'geometry', 'checks', 'order', 'kicad', 'model3d', 'drawing', 'verify', 'formats'];
const EDGES = ['cli', 'server', 'web'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const present = CORE.filter((m) => {
  try {
    return statSync(join(SRC, m)).isDirectory();
  } catch {
    return false;
  }
});

describe('architecture', () => {
  it('the foundation modules exist', () => {
    expect(present).toEqual(expect.arrayContaining(['catalog', 'partnumber', 'select', 'geometry']));
  });
  for (const module of present) {
    it(`${module}: no Node built-ins, no imports from the edges, has index.ts`, () => {
      expect(statSync(join(SRC, module, 'index.ts')).isFile()).toBe(true);
      for (const file of files(join(SRC, module))) {
        const text = readFileSync(file, 'utf8');
        const imports = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
        for (const spec of imports) {
          expect(spec.startsWith('node:') || /^(fs|path|os|child_process|stream|http|crypto|url|zlib|worker_threads)(\/|$)/.test(spec), `${file} imports ${spec}`).toBe(false);
          for (const edge of EDGES) expect(spec.includes(`/${edge}/`), `${file} imports the edge ${spec}`).toBe(false);
        }
        // Comments and string literals are not uses (the catalog text in src/catalog/built.ts says "process.").
        const code = text.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, '""').replace(/\/\/.*$/gm, '');
        expect(/\bprocess\.|\brequire\(/.test(code), `${file} uses process or require`).toBe(false);
      }
    });
  }
});
