#!/usr/bin/env node
import { handleOutputErrors } from './output-errors.js';
import { runCli } from './run.js';

// EPIPE (e.g. `a4s parts | head`): exit 0 quietly; any other write error: OUTPUT_WRITE_FAILED, exit 2.
handleOutputErrors();

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
});
process.exitCode = code;
