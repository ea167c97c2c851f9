/**
 * Write errors on standard output: EPIPE (e.g. `a4s parts | head`) is the reader having had enough,
 * not an error for a command-line tool: exit 0 quietly. Any other (ENOSPC on `> /dev/full`, EIO):
 * one line, `error [OUTPUT_WRITE_FAILED]`, exit 2 — never a stack trace.
 */
export function handleOutputErrors(proc: NodeJS.Process = process): void {
  let failed = false;
  proc.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') proc.exit(0);
    if (!failed) {
      failed = true;
      try {
        proc.stderr.write(
          `error [OUTPUT_WRITE_FAILED]: cannot write to standard output: ${err.code ? `${err.code} ` : ''}${err.message.replace(/^\w+: /, '')}\n`,
        );
      } catch {
        // standard error gone too: the exit code says it
      }
    }
    proc.exit(2);
  });
  // A closed standard error must not turn into a crash either.
  proc.stderr.on('error', () => proc.exit(failed ? 2 : Number(proc.exitCode ?? 0)));
}
