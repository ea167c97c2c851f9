/**
 * Command runs whose outputs are recorded as one hash (from the code before issue 13), shared by
 * the in-process test (output-hash.test.ts) and the bundled binary's (cli-bundle.test.ts).
 */
import { createHash } from 'node:crypto';

export const COMMANDS_SHA256 = '674121109080f024fdf730e82a1a44f70618b83f8542f632a7f34da5fdcb2d92';
export const REPO = new URL('..', import.meta.url).pathname;
export const RUNS: readonly (readonly string[])[] = [
  ['decode', 'AXE540127', 'AXE634224', 'axe54O127', 'AXE520127D'],
  ['mate', 'AXE540127'],
  ['dims', 'AXE640124'],
  ['order', 'AXE540127', '12000'],
  ['parts', '--json'],
  ['spec'],
  ['explain', 'AXE540127', '--json'],
  ['footprint', 'AXE540127'],
  ['footprint', 'AXE634224', '--json'],
  ['symbol', 'AXE540127'],
  ['model', 'AXE540127'],
  ['model', 'AXE634224', '--format', 'wrl'],
  ['model', 'AXE634224', '--format', 'vrml'],
  ['drawing', 'AXE540127'],
  ['check', 'bench/fixtures/small-map.yaml', '--json'],
  ['check', '--part', 'AXE510127', 'bench/fixtures/small-map.csv'],
  ['bom', 'bench/fixtures/small-bom.csv'],
  ['kicad-lib', '--help'],
  ['--help'],
  ['decod'],
  // zod's messages (English) and a usage error
  ['check', 'test/fixtures/bad-map.yaml'],
  ['check', '--part', 'AXE510127', 'bench/fixtures/small-map.csv', '--ir-drop-threshold-mv', 'x'],
];

/** One hash of every run: standard output, or on failure the exit code, standard output and error. */
export async function hashRuns(run: (args: readonly string[]) => Promise<{ code: number; stdout: string; stderr: string }>): Promise<string> {
  const h = createHash('sha256');
  for (const args of RUNS) {
    const r = await run(args);
    h.update(`${args.join(' ')}\0${r.code === 0 ? r.stdout : `exit ${r.code}\n${r.stdout}${r.stderr}`}\0`);
  }
  return h.digest('hex');
}
