export { runCli, buildProgramFor, VERSION } from './run.js';
export { buildProgram } from './full.js';
export { EXIT, CliUsageError, type CliIo } from './io.js';
export type { CommandContext, RegisterCommand } from './context.js';
