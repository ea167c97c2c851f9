/** Shared by the benches that time the built CLI: whether dist/ is older than the sources (a stale build would time old code). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of a non-test `.ts` file below `dir`. */
export function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) newest = Math.max(newest, s.mtimeMs);
  }
  return newest;
}
