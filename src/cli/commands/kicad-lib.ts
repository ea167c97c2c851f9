import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { DEFAULT_BASE_URI, kicadLibraryTasks } from '../../kicad/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, json, write } from '../io.js';

/** Whether the target can take the library: missing or empty, or any folder with --force. */
async function checkTarget(dir: string, shown: string, force: boolean): Promise<void> {
  let entries: string[];
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new CliUsageError('KICAD_WRITE_FAILED', `${shown} exists and is not a folder.`);
    entries = await readdir(dir);
  } catch (err) {
    if (err instanceof CliUsageError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CliUsageError('KICAD_WRITE_FAILED', `Cannot read ${shown}: ${(err as Error).message}`);
  }
  if (entries.length > 0 && !force) {
    throw new CliUsageError('KICAD_DIR_NOT_EMPTY', `${shown} is not empty (${entries.length} entries). Give a new or empty folder, or add --force to overwrite the library files in it.`);
  }
}

export const registerKicadLib: RegisterCommand = (program, ctx) => {
  program
    .command('kicad-lib')
    .description('Write the complete KiCad library: every footprint, the symbol library, 3D models (STEP, VRML), fp-lib-table, sym-lib-table and a README of provenance')
    .argument('<dir>', 'folder to write (created if missing; must be empty unless --force)')
    .option('--force', 'write into a non-empty folder, overwriting the library files (other files are kept)')
    .option('--base-uri <uri>', 'where the library tables point to (KiCad path syntax)', DEFAULT_BASE_URI)
    .option('--no-models', 'leave out the 3D models')
    .option('--json', 'print JSON: the folder and each file written with its size')
    .addHelpText('after', '\nThe output is deterministic: running it again gives byte-identical files.\nExit code: 0 on success, 2 when the folder is not empty (without --force) or cannot be written.')
    .action(async (dirArg: string, options: { force?: boolean; baseUri: string; models: boolean; json?: boolean }) => {
      const dir = resolve(ctx.io.cwd, dirArg);
      await checkTarget(dir, dirArg, options.force === true);
      const tasks = kicadLibraryTasks({ baseUri: options.baseUri, ...(options.models ? {} : { models: null }) });
      const bar = ctx.io.isTTY
        ? new cliProgress.SingleBar({ stream: ctx.io.stderr, noTTYOutput: true, format: 'kicad-lib [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic)
        : null;
      bar?.start(tasks.length, 0, { file: '' });
      const made = new Set<string>();
      const written: { path: string; bytes: number }[] = [];
      try {
        for (const task of tasks) {
          const content = task.build();
          const path = join(dir, task.path);
          const parent = dirname(path);
          if (!made.has(parent)) {
            await mkdir(parent, { recursive: true });
            made.add(parent);
          }
          await writeFile(path, content);
          written.push({ path: task.path, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength });
          bar?.increment(1, { file: task.path });
        }
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === undefined) throw err; // not a file-system error: a bug, reported as such
        throw new CliUsageError('KICAD_WRITE_FAILED', `Cannot write into ${dirArg}: ${(err as Error).message}`);
      } finally {
        bar?.stop();
      }
      const total = written.reduce((s, f) => s + f.bytes, 0);
      if (options.json) {
        await write(ctx.io.stdout, json({ dir: dirArg, files: written, bytes: total }));
        return;
      }
      const count = (pred: (p: string) => boolean) => written.filter((f) => pred(f.path)).length;
      await write(ctx.io.stdout, `Wrote ${written.length} files (${total} bytes) to ${dirArg}: ${count((p) => p.endsWith('.kicad_mod'))} footprints, ${count((p) => p.endsWith('.kicad_sym'))} symbol library, ${count((p) => p.endsWith('.step') || p.endsWith('.wrl'))} 3D model files, fp-lib-table, sym-lib-table, README.md.\n`);
    });
};
