/**
 * The core runs in the browser too (DESIGN.md): it imports no Node built-ins, and it never imports
 * the edges (cli, server, web). Every module has a small public index.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;
const CORE = ['catalog', 'partnumber', 'select', 'geometry', 'checks', 'order', 'kicad', 'model3d', 'drawing', 'verify', 'formats', 'sexpr'];
const EDGES = ['cli', 'server', 'web'];

/**
 * The root files of src/: what each may import. A new root file fails until it is listed here; the
 * core's shared files (errors, result) import no module but the core modules' code registries.
 */
const CORE_CODES = new RegExp(`^\\./(${CORE.join('|')})/codes\\.js$`);
const CORE_INDEX = new RegExp(`^\\./(${CORE.join('|')})/index\\.js$`);
const ROOT_IMPORTS: Readonly<Record<string, readonly RegExp[]>> = {
  'errors.ts': [CORE_CODES],
  'result.ts': [/^\.\/errors\.js$/],
  'provenance.ts': [],
  'numbers.ts': [],
  'text.ts': [],
  'version.ts': [],
  'options.ts': [/^\.\/result\.js$/],
  // catalog/edition.js (loadSeries: zod) is not in catalog/index.js, so that modules reading the catalog do not load zod.
  'index.ts': [CORE_INDEX, /^\.\/catalog\/edition\.js$/, /^\.\/(errors|result|provenance)\.js$/],
};

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

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
        for (const spec of importsOf(text)) {
          expect(
            spec.startsWith('node:') || /^(fs|path|os|child_process|stream|http|crypto|url|zlib|worker_threads)(\/|$)/.test(spec),
            `${file} imports ${spec}`,
          ).toBe(false);
          for (const edge of EDGES) expect(spec.includes(`/${edge}/`), `${file} imports the edge ${spec}`).toBe(false);
        }
        // Comments and string literals are not uses (the catalog text in src/catalog/built.ts says "process.").
        const code = text.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, '""').replace(/\/\/.*$/gm, '');
        expect(/\bprocess\.|\brequire\(/.test(code), `${file} uses process or require`).toBe(false);
      }
    });
  }
  const rootFiles = readdirSync(SRC).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  it('every root file of src/ is in the table of allowed imports', () => {
    expect(rootFiles.sort()).toEqual(Object.keys(ROOT_IMPORTS).sort());
  });
  for (const name of rootFiles) {
    it(`src/${name}: imports only what the table allows (no edge, no Node built-in)`, () => {
      const text = readFileSync(join(SRC, name), 'utf8');
      for (const spec of importsOf(text))
        expect(
          (ROOT_IMPORTS[name] ?? []).some((re) => re.test(spec)),
          `src/${name} imports ${spec}`,
        ).toBe(true);
      expect(/\bprocess\.|\brequire\(/.test(text.replace(/\/\/.*$/gm, '')), `src/${name} uses process or require`).toBe(false);
    });
  }

  it('every file of src/ is covered: in a core module, an edge, or the table of root files', () => {
    const modules = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(
      modules.filter((m) => !CORE.includes(m) && !EDGES.includes(m)),
      'a folder of src/ that is neither core nor edge',
    ).toEqual([]);
  });
  // docs/architecture.md is the map (issue 22, item 6): a module or root file it does not name is a
  // part of the code a reader cannot find there.
  it('docs/architecture.md names every module folder of src/ and every root file', () => {
    const doc = readFileSync(new URL('../docs/architecture.md', import.meta.url), 'utf8');
    const modules = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(modules.length).toBeGreaterThan(10);
    expect(modules.filter((m) => !doc.includes(`src/${m}`))).toEqual([]);
    expect(rootFiles.filter((f) => !doc.includes(`src/${f}`))).toEqual([]);
  });
  // The edges: the page runs in the browser (no Node built-ins) and calls the core only; no edge
  // imports another (what two edges share, such as the BOM stream, lives in the core).
  for (const edge of EDGES) {
    it(`${edge}: imports only the core${edge === 'web' ? ', no Node built-ins' : ''} and no other edge`, () => {
      for (const file of files(join(SRC, edge))) {
        const rel = file.slice(SRC.length);
        for (const spec of importsOf(readFileSync(file, 'utf8'))) {
          if (edge === 'web') expect(spec.startsWith('node:'), `${rel} imports ${spec}`).toBe(false);
          for (const other of EDGES.filter((e) => e !== edge)) expect(spec.includes(`/${other}/`), `${rel} imports the edge ${spec}`).toBe(false);
        }
      }
    });
  }
});
