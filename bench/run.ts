/**
 * Runs every benchmark in bench/ one after another (they compete for 2 cores otherwise) and
 * prints their JSON result lines. `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url).pathname;
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_') && !f.startsWith('.'))
  .sort();
let failed = 0;
for (const file of benches) {
  console.error(`# ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
