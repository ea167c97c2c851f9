import { closeSync, constants, fchmodSync, lstatSync, openSync, renameSync, rmSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, relative, resolve } from 'node:path';
import type { ErrorCode } from '../errors.js';
import { CliUsageError, printable } from './io.js';

/**
 * Why a path cannot be written without following a link: a symbolic link (to a file, to a folder,
 * or dangling) at the path itself, or at a folder between `base` and it. Null when there is none.
 * The CLI never writes through a link (a link in an output folder could point anywhere: the file
 * outside would be overwritten); it refuses, as careful tools do, and says which link.
 */
export function linkOnPath(path: string, base?: string): string | null {
  const levels: string[] = [path];
  if (base !== undefined) {
    for (let at = dirname(path); relative(base, at) !== '' && !relative(base, at).startsWith('..') && at !== dirname(at); at = dirname(at)) levels.push(at);
  }
  for (const p of levels) {
    try {
      if (lstatSync(p).isSymbolicLink()) return p;
    } catch {
      // missing: nothing to follow
    }
  }
  return null;
}

export const LINK_REFUSED =
  'is a symbolic link: a4s never writes through links (the file it points to would be overwritten); remove the link or give another path';

// ---------------------------------------------------------------------------------------------
// What an interruption must clean up. A temporary file or a staging folder is registered while it
// exists; SIGINT, SIGTERM or SIGHUP then removes it before the process dies of that signal, so an
// interrupted command leaves the old file (or nothing), never a part of the new one. The handlers
// are installed only while something is registered: a long computation that writes nothing
// (a 40 MB board being read) still stops at once on Ctrl-C, as without handlers.

const cleanups = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  runCleanups();
  // Die of the signal itself (exit status 128 + n for the shell), as without a handler.
  process.kill(process.pid, signal);
}

function runCleanups(): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // best effort: the next one still runs
    }
  }
  cleanups.clear();
  setHandlers(false);
}

let handlersOn = false;
function setHandlers(on: boolean): void {
  if (on === handlersOn) return;
  handlersOn = on;
  for (const signal of SIGNALS) {
    if (on) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
}

/** Registers a synchronous clean-up to run if the process is interrupted; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  setHandlers(true);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) setHandlers(false);
  };
}

/** Removes a file or a folder tree, quietly (clean-up after a failure). */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // nothing more to do
  }
}

// ---------------------------------------------------------------------------------------------
// The one way a4s writes a file.

/** A file-system error with its code, for the cases this module finds itself (a link, a folder). */
function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Writes over the file itself (a device, a FIFO; a file whose folder takes no new file), never through a link. */
function writeInPlace(path: string, content: string | Uint8Array, truncate = true): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_NOFOLLOW | (truncate ? constants.O_TRUNC : 0));
  try {
    writeAll(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** A new file in `folder` no other process holds (O_EXCL: a link or a file put there first is refused). */
export function temporaryName(path: string): string {
  return resolve(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.a4s-tmp`);
}

/**
 * Writes a whole file, safely:
 * - never through a symbolic link: a link at the path is refused (ELOOP), and the new content is
 *   renamed into place, which replaces a link put there meanwhile instead of following it;
 * - atomically: the content goes to a temporary file in the same folder (O_EXCL, O_NOFOLLOW), then
 *   is renamed over the path; a write error (disk full, a size limit) or an interruption leaves the
 *   old file, or none, and no temporary file;
 * - a device or a FIFO (`-o /dev/stdout`, `/dev/full`) is written directly: it cannot be replaced
 *   and holds no old content to keep.
 * An existing file keeps its permissions. Throws the file system's error; ELOOP means a link.
 */
/** What every command that writes a file says of it in its help (writeFileSafe). */
export const WHOLE_FILE_HELP =
  'The file is written whole or not at all (a temporary file in the same folder, then renamed); a symbolic link at the path is refused, never written through.';

export function writeFileSafe(path: string, content: string | Uint8Array): void {
  const existing = lstatOrNull(path);
  if (existing?.isSymbolicLink()) throw fsError('ELOOP', `${path} is a symbolic link`);
  if (existing?.isDirectory()) throw fsError('EISDIR', `${path} is a folder`);
  if (existing && !existing.isFile()) return writeInPlace(path, content, false);
  const temp = temporaryName(path);
  let fd: number;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
  } catch (err) {
    // A writable file in a folder that takes no new file (someone else's folder): written in place,
    // still never through a link (O_NOFOLLOW), as before atomic writes; a write error can then leave it short.
    if (existing && (err as NodeJS.ErrnoException).code === 'EACCES') return writeInPlace(path, content);
    throw err;
  }
  const forget = onInterrupt(() => unlinkSync(temp));
  try {
    try {
      if (existing) fchmodSync(fd, existing.mode & 0o7777);
      writeAll(fd, content);
    } finally {
      closeSync(fd);
    }
    // A link put at the path since the first look is refused too (the rename would replace it, not follow it).
    if (lstatOrNull(path)?.isSymbolicLink()) throw fsError('ELOOP', `${path} is a symbolic link`);
    renameSync(temp, path);
  } catch (err) {
    removeQuietly(temp);
    throw err;
  } finally {
    forget();
  }
}

/** The message of a failed write: a link said as such; the path printable (no control characters echoed). */
export function writeErrorText(path: string, err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ELOOP' || linkOnPath(path) !== null) return `${printable(path)} ${LINK_REFUSED}.`;
  return printable(e.message ?? String(err));
}

/**
 * Writes an output file given on the command line (`-o FILE`, `eagle-lib FILE`), relative to the
 * working directory, through writeFileSafe; a failure is `code` (OUTPUT_WRITE_FAILED unless said),
 * exit code 2, the path printed without its control characters. Returns the absolute path.
 */
export function writeOutputFile(cwd: string, given: string, content: string | Uint8Array, code: ErrorCode = 'OUTPUT_WRITE_FAILED'): string {
  const path = resolve(cwd, given);
  try {
    writeFileSafe(path, content);
  } catch (err) {
    throw new CliUsageError(code, `Cannot write ${printable(given)}: ${writeErrorText(path, err)}`);
  }
  return path;
}
