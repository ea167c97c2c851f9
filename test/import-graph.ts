/**
 * The static import graph of a source module: the files it loads when imported, and the packages.
 * `import type` / `export type` and dynamic `import()` are not followed (they load nothing up front).
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const STATIC = /^\s*(import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;

export interface ImportGraph {
  /** Source files, relative to the repository root (src/…). */
  readonly files: ReadonlySet<string>;
  /** Bare package names (node: built-ins left out). */
  readonly packages: ReadonlySet<string>;
}

export function importGraph(entry: string): ImportGraph {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (path: string) => {
    const rel = relative(ROOT, path);
    if (files.has(rel)) return;
    files.add(rel);
    if (path.endsWith('.json')) return;
    const text = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of text.matchAll(STATIC)) {
      const spec = m[2]!;
      if (spec.startsWith('.')) visit(resolve(dirname(path), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(resolve(ROOT, entry));
  return { files, packages };
}
