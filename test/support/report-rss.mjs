// Preloaded with --import: prints the process's peak resident memory (kB), its run time and its CPU time on exit, for tests of bounded reads.
import { writeSync } from 'node:fs';
const started = performance.now();
process.on('exit', () => {
  const cpu = process.cpuUsage();
  writeSync(
    2,
    `\n@@maxrss-kb=${process.resourceUsage().maxRSS} ms=${Math.round(performance.now() - started)} cpu-ms=${Math.round((cpu.user + cpu.system) / 1000)}\n`,
  );
});
