import { closeSync, constants, lstatSync, openSync, writeSync } from 'node:fs';
import { dirname, relative } from 'node:path';

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

/**
 * Writes a whole file without following a symbolic link at its path (O_NOFOLLOW: a link put there
 * after the check is refused too). Throws the file system's error; ELOOP means a link.
 */
export function writeFileNoFollow(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o666);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
  } finally {
    closeSync(fd);
  }
}

/** The message of a failed write: a link said as such. */
export function writeErrorText(path: string, err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ELOOP' || linkOnPath(path) !== null) return `${path} ${LINK_REFUSED}.`;
  return e.message ?? String(err);
}
