// Preloaded with --import: prints the process's peak resident memory (kB) and its run time on exit, for tests of bounded reads.
import { writeSync } from 'node:fs';
const started = performance.now();
process.on('exit', () => writeSync(2, `\n@@maxrss-kb=${process.resourceUsage().maxRSS} ms=${Math.round(performance.now() - started)}\n`));
