import { overridesFor } from '../../geometry/index.js';
import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { access, constants, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { DEFAULT_BASE_URI, kicadLibrary, libraryPaths, linkedModelFiles, modelDirOf } from '../../kicad/index.js';
import type { RegisterCommand } from '../context.js';
import { LINK_REFUSED, linkOnPath, onInterrupt, removeQuietly, writeErrorText, writeFileSafe } from '../files.js';
import { CliUsageError, json, printable, write } from '../io.js';
import { OVERRIDES_HELP, readRoleOverrides, resultError } from './_kicad-io.js';

const writeFailed = (shown: string, err: unknown, path?: string) =>
  new CliUsageError('KICAD_WRITE_FAILED', `Cannot write into ${shown}: ${path ? writeErrorText(path, err) : printable((err as Error).message)}`);

/**
 * The library is written into this folder inside the target first, then moved into place.
 * Why inside the target rather than a sibling renamed over it: the target may be an existing empty
 * folder (a mount point, a folder in a read-only parent, a link) that cannot be replaced, and
 * --force keeps the user's other files in it; inside the target every rename stays on one file
 * system. Its creation (mkdir, exclusive) is the lock: of parallel runs into one folder, one
 * creates it and the others stop with KICAD_DIR_BUSY before writing anything; the winner checks
 * emptiness again under the lock, and the files are moved in one synchronous pass, so the folder
 * holds one whole library or none. An interruption (Ctrl-C) while the files are generated removes
 * the staging folder (and the target if this run created it): no partial library.
 */
const STAGING = '.a4s-kicad-lib.partial';

const busy = (shown: string) =>
  new CliUsageError(
    'KICAD_DIR_BUSY',
    `${shown} is being written by another a4s kicad-lib (its folder ${STAGING} is there). Wait for it to finish; if no a4s runs (it was killed), remove ${STAGING} and run again.`,
  );

/** Whether the target can take the library: missing or empty, or any folder with --force. Returns whether it holds anything. */
async function checkTarget(dir: string, shown: string, force: boolean): Promise<boolean> {
  let entries: string[];
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new CliUsageError('KICAD_WRITE_FAILED', `${shown} exists and is not a folder.`);
    entries = await readdir(dir);
  } catch (err) {
    if (err instanceof CliUsageError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new CliUsageError('KICAD_WRITE_FAILED', `Cannot read ${shown}: ${(err as Error).message}`);
  }
  if (entries.includes(STAGING)) throw busy(shown);
  if (entries.length > 0 && !force) {
    throw new CliUsageError(
      'KICAD_DIR_NOT_EMPTY',
      `${shown} is not empty (${entries.length} entries). Give a new or empty folder, or add --force to overwrite the library files in it.`,
    );
  }
  return entries.length > 0;
}

/**
 * Creates the folder one level at a time below its nearest existing ancestor, which must be a
 * writable folder. (Node's recursive mkdir retries forever where a file system refuses new
 * folders without saying why, e.g. /proc: this fails at once instead.)
 */
async function makeFolder(dir: string, shown: string): Promise<string[]> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    try {
      const s = await stat(at);
      if (!s.isDirectory()) throw new CliUsageError('KICAD_WRITE_FAILED', `Cannot write into ${shown}: ${at} is not a folder.`);
      break;
    } catch (err) {
      if (err instanceof CliUsageError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || dirname(at) === at) throw writeFailed(shown, err);
      missing.push(at);
      at = dirname(at);
    }
  }
  try {
    await access(at, constants.W_OK);
  } catch {
    throw new CliUsageError('KICAD_WRITE_FAILED', `Cannot write into ${shown}: the folder ${at} is not writable.`);
  }
  const created: string[] = [];
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
      created.push(level);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailed(shown, err);
    }
  }
  return created;
}

/** Removes the folders this run created (deepest first) while they are empty. */
function removeCreated(created: readonly string[]): void {
  for (const level of [...created].reverse()) {
    try {
      rmdirSync(level);
    } catch {
      return; // not empty (another run's files) or gone: leave it
    }
  }
}

/** Takes the staging folder (the lock), checks the target again under it, and says how to finish or abandon. */
function takeStaging(dir: string, shown: string, force: boolean, created: readonly string[]) {
  const path = join(dir, STAGING);
  try {
    mkdirSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw busy(shown);
    throw writeFailed(shown, err);
  }
  const abandon = () => {
    removeQuietly(path);
    removeCreated(created);
  };
  const forget = onInterrupt(abandon);
  const others = readdirSync(dir).filter((e) => e !== STAGING);
  if (others.length > 0 && !force) {
    forget();
    removeQuietly(path);
    throw new CliUsageError(
      'KICAD_DIR_NOT_EMPTY',
      `${shown} is not empty (${others.length} entries, written meanwhile). Give a new or empty folder, or add --force.`,
    );
  }
  return {
    path,
    abandon: () => {
      forget();
      abandon();
    },
    done: () => {
      forget();
      removeQuietly(path);
    },
  };
}

/**
 * What stands where a library file goes, found before anything is written: a symbolic link (at the
 * file or a folder above it), a folder where a file goes, a file where a folder goes.
 */
function refuseLinks(dir: string, shown: string, tasks: readonly { path: string }[]): void {
  const links = new Set<string>();
  const wrongKind = new Set<string>();
  for (const task of tasks) {
    const path = join(dir, task.path);
    const link = linkOnPath(path, dir);
    if (link !== null) {
      links.add(link);
      continue;
    }
    for (let at = path, wantFile = true; at !== dir; at = dirname(at), wantFile = false) {
      let isFile: boolean;
      try {
        const s = lstatSync(at);
        isFile = s.isFile();
        if (!isFile && !s.isDirectory()) wrongKind.add(at);
      } catch {
        continue; // missing: created
      }
      if (isFile !== wantFile) wrongKind.add(at);
    }
  }
  if (links.size > 0) {
    const shownLinks = [...links].sort().map((l) => printable(relative(dir, l) || l));
    throw new CliUsageError(
      'KICAD_WRITE_FAILED',
      `Nothing written: ${shownLinks.slice(0, 5).join(', ')}${shownLinks.length > 5 ? ` and ${shownLinks.length - 5} more` : ''} in ${shown} ${shownLinks.length === 1 ? LINK_REFUSED : LINK_REFUSED.replace(/^is a symbolic link/, 'are symbolic links')}.`,
    );
  }
  if (wrongKind.size > 0) {
    const names = [...wrongKind].sort().map((p) => printable(relative(dir, p)));
    throw new CliUsageError(
      'KICAD_WRITE_FAILED',
      `Nothing written: ${names.slice(0, 5).join(', ')} in ${shown} ${names.length === 1 ? 'is' : 'are'} not what the library puts there (a folder where a file goes, a file where a folder goes, or a device); move ${names.length === 1 ? 'it' : 'them'} away and run again.`,
    );
  }
}

/** Moves every file from the staging folder into the target, synchronously (never interrupted half-way by a handled signal). */
function moveIntoPlace(staging: string, dir: string, shown: string, tasks: readonly { path: string }[]): void {
  const made = new Set<string>([dir]);
  for (const task of tasks) {
    const to = join(dir, task.path);
    const parent = dirname(to);
    if (!made.has(parent)) {
      if (linkOnPath(parent, dir) === null) mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    // A link put there since the first look: refused (the rename would replace it; a linked folder above would be followed).
    if (linkOnPath(to, dir) !== null) throw writeFailed(shown, Object.assign(new Error('symbolic link'), { code: 'ELOOP' }), to);
    renameSync(join(staging, task.path), to);
  }
}

export const registerKicadLib: RegisterCommand = (command, ctx) => {
  command
    .option('--force', 'write into a non-empty folder, overwriting the library files (other files are kept)')
    .option(
      '--base-uri <uri>',
      'where the library tables point to, and the footprints link their 3D models from (KiCad path syntax; the default needs no path variable: the project folder)',
      DEFAULT_BASE_URI,
    )
    .option('--no-models', 'leave out the 3D models (the footprints still link them: see the README)')
    .option('--overrides <file>', `${OVERRIDES_HELP}; applied to every footprint of that role, its 3D models and the README`)
    .option('--json', 'print JSON: the folder and each file written with its size')
    .addHelpText(
      'after',
      '\nThe output is deterministic: running it again gives byte-identical files.\nSymbolic links inside the folder are never written through: a link where a library file or folder goes (fp-lib-table, Panasonic_A4S.pretty, …) is refused with KICAD_WRITE_FAILED, exit 2, nothing written; remove the link and run again. The folder itself may be a link.\nThe library is generated in the folder .a4s-kicad-lib.partial inside it, then moved into place: an interruption (Ctrl-C) or an error leaves no partial library, and parallel runs into one folder do not mix (one writes, the others stop with KICAD_DIR_BUSY).\nExit code: 0 on success, 2 when the folder is not empty (without --force), is being written by another run, or cannot be written, or on bad overrides.',
    )
    .action(async (dirArg: string, options: { force?: boolean; baseUri: string; models: boolean; overrides?: string; json?: boolean }) => {
      const dir = resolve(ctx.io.cwd, dirArg);
      const shown = printable(dirArg);
      const given = await readRoleOverrides(ctx.io.cwd, options.overrides);
      // Bad overrides fail before the folder is touched.
      const library = kicadLibrary({ baseUri: options.baseUri, models: options.models, ...(given ?? {}) }, ctx.series);
      if (!library.ok) throw resultError(library.error, library.suggestions);
      const tasks = library.value;
      const holdsFiles = await checkTarget(dir, shown, options.force === true);
      // No link inside the folder is written through: every path is checked before anything is
      // written (a new or empty folder holds none), and again as each file is moved into place.
      if (holdsFiles) refuseLinks(dir, shown, tasks);
      // cli-progress is loaded only for a terminal (scripts and Makefiles start without it).
      const cliProgress = ctx.io.isTTY ? (await import('cli-progress')).default : null;
      const bar = cliProgress
        ? new cliProgress.SingleBar(
            { stream: ctx.io.stderr, noTTYOutput: true, format: 'kicad-lib [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: false },
            cliProgress.Presets.shades_classic,
          )
        : null;
      const written: { path: string; bytes: number }[] = [];
      const created = await makeFolder(dir, shown);
      const staging = takeStaging(dir, shown, options.force === true, created);
      bar?.start(tasks.length, 0, { file: '' });
      try {
        for (const task of tasks) {
          const content = task.build();
          const path = join(staging.path, task.path);
          try {
            mkdirSync(dirname(path), { recursive: true });
            writeFileSafe(path, content);
          } catch (err) {
            throw writeFailed(shown, err, path);
          }
          written.push({ path: task.path, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength });
          bar?.increment(1, { file: task.path });
          // Let a Ctrl-C in: its handler removes the staging folder (files.ts, onInterrupt).
          await new Promise((done) => setImmediate(done));
        }
        // Synchronous from here: an interruption waits until every file is in place.
        moveIntoPlace(staging.path, dir, shown, tasks);
      } catch (err) {
        staging.abandon();
        if (err instanceof CliUsageError) throw err;
        if ((err as NodeJS.ErrnoException).code === undefined) throw err; // not a file-system error: a bug, reported as such
        throw writeFailed(shown, err);
      } finally {
        bar?.stop();
      }
      staging.done();
      const total = written.reduce((s, f) => s + f.bytes, 0);
      // Without models the footprints keep their model links (the same footprints as a full build): say which files are missing.
      const missingModels = options.models ? [] : linkedModelFiles(ctx.series);
      const overridden = given ? (['socket', 'header'] as const).filter((role) => overridesFor(given.overrides, role)) : [];
      if (options.json) {
        await write(
          ctx.io.stdout,
          json({
            dir: dirArg,
            files: written,
            bytes: total,
            modelsWritten: options.models,
            missingModels,
            ...(given ? { overrides: { origin: given.overrideOrigin, ...given.overrides } } : {}),
          }),
        );
        return;
      }
      const count = (pred: (p: string) => boolean) => written.filter((f) => pred(f.path)).length;
      await write(
        ctx.io.stdout,
        `Wrote ${written.length} files (${total} bytes) to ${shown}: ${count((p) => p.endsWith('.kicad_mod'))} footprints, ${count((p) => p.endsWith('.kicad_sym'))} symbol library, ${count((p) => p.endsWith('.step') || p.endsWith('.wrl'))} 3D model files, ${libraryPaths(ctx.series).druFile}, fp-lib-table, sym-lib-table, README.md.\n`,
      );
      const modelDir = modelDirOf(options.baseUri, ctx.series);
      await write(
        ctx.io.stdout,
        modelDir.startsWith('${KIPRJMOD}')
          ? `3D models: the footprints link ${modelDir}/<name>.step; keep these files in the KiCad project folder (beside the .kicad_pro) and KiCad and kicad-cli find them, no path variable to set.\n`
          : `3D models: the footprints link ${modelDir}/<name>.step; keep the library at ${options.baseUri}${/\$\{/.test(options.baseUri) ? ' and define that variable once (Preferences -> Configure Paths; kicad-cli: -D NAME=value)' : ''}.\n`,
      );
      if (given) {
        await write(
          ctx.io.stdout,
          overridden.length
            ? `Land-pattern overrides (${given.overrideOrigin}) applied to the ${overridden.map((r) => `${r}s`).join(' and ')}: provenance "override" in their footprints, 3D models and the README.\n`
            : `The overrides file ${printable(options.overrides ?? '')} sets no parameter: nothing overridden.\n`,
        );
      }
      if (missingModels.length) {
        await write(
          ctx.io.stdout,
          `No 3D models (--no-models): the footprints still link ${missingModels.length} model files under ${libraryPaths(ctx.series).modelsDir}/ that were not written; KiCad shows no 3D body until they are there. Add them with: a4s kicad-lib ${shown} --force\n`,
        );
      }
    });
};
