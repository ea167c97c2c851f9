/**
 * Build step: bundles the `a4s` command line into dist/cli/ and the API server into dist/server/ (esbuild): one start-up file, and one
 * chunk per command, loaded when that command runs (the dynamic imports of
 * the command table src/cli/commands/index.ts), with the code commands share in common chunks. Node then reads a
 * few files instead of a hundred modules (yaml alone is 72), which is most of a command's start.
 * The server is one file (dist/server/main.js, what `npm start` runs; it finds the page in dist/web)
 * and its pool's worker (dist/server/worker.js);
 * the library entry too (dist/lib/index.js).
 * `npx tsx scripts/bundle.ts` (run by `npm run build`; test/cli-bundle.test.ts builds both into a
 * temporary folder and compares their outputs with the source's).
 */
import { build, type Plugin } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

// CommonJS packages (commander, yaml, cli-progress) require Node's modules: give them require.
const REQUIRE_BANNER = "import { createRequire as __a4sCreateRequire } from 'node:module'; const require = __a4sCreateRequire(import.meta.url);";

/**
 * zod's namespace exports every locale (≈ 370 kB of the bundle, compiled at every start of a command
 * that validates with zod); the program only uses English, zod's default. In the bundles
 * `z.locales` holds `en` alone.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

async function bundle(entry: string, outdir: string, name = 'main', splitting = true, more: Readonly<Record<string, string>> = {}): Promise<string> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { [name]: join(ROOT, entry), ...Object.fromEntries(Object.entries(more).map(([n, e]) => [n, join(ROOT, e)])) },
    outdir,
    bundle: true,
    splitting,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: REQUIRE_BANNER },
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [zodEnglishOnly],
  });
  const main = join(outdir, `${name}.js`);
  if (name === 'main') chmodSync(main, 0o755);
  return main;
}

/** The `a4s` binary: main.js, and chunks/ with one chunk per command. Returns the path of main.js. */
export const bundleCli = (outdir: string) => bundle('src/cli/main.ts', outdir);
/**
 * The API server (`npm start`): main.js, and worker.js beside it (the pool's worker thread, found
 * at run time next to main.js: src/server/pool.ts). Each is one file (no shared chunk: the worker
 * starts at the first heavy request and reads one file). Returns the path of main.js.
 */
export const bundleServer = (outdir: string) => bundle('src/server/main.ts', outdir, 'main', false, { worker: 'src/server/worker.ts' });
/**
 * The library entry (`import … from 'a4s-toolkit'`, package.json `exports`): one file, index.js,
 * instead of the 150 modules tsc writes to dist/src (whose .d.ts files still give the types).
 * Returns the path of index.js.
 */
export const bundleLibrary = (outdir: string) => bundle('src/index.ts', outdir, 'index', false);

if (import.meta.url === `file://${process.argv[1]}`) {
  // --server: the server alone (`npm start` rebuilding what is out of date, scripts/start.mjs).
  const serverOnly = process.argv.includes('--server');
  if (!serverOnly) await bundleCli(join(ROOT, 'dist/cli'));
  await bundleServer(join(ROOT, 'dist/server'));
  if (!serverOnly) await bundleLibrary(join(ROOT, 'dist/lib'));
}
