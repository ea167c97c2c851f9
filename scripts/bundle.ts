/**
 * Build step: bundles the `a4s` command line into dist/cli/ (esbuild): one start-up file, and one
 * chunk per command, loaded when that command runs (the dynamic imports of
 * src/cli/commands/lazy.ts), with the code commands share in common chunks. Node then reads a
 * few files instead of a hundred modules (yaml alone is 72), which is most of a command's start.
 * `npx tsx scripts/bundle.ts [outdir]` (run by `npm run build`; test/cli-bundle.test.ts builds one
 * into a temporary folder and compares its outputs with the source's).
 */
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

export async function bundleCli(outdir: string): Promise<string> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { main: join(ROOT, 'src/cli/main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    // CommonJS packages (commander, yaml, csv-parse, cli-progress) require Node's modules: give them require.
    banner: { js: "import { createRequire as __a4sCreateRequire } from 'node:module'; const require = __a4sCreateRequire(import.meta.url);" },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  const main = join(outdir, 'main.js');
  chmodSync(main, 0o755);
  return main;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundleCli(process.argv[2] ?? join(ROOT, 'dist/cli'));
}
