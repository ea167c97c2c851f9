export { runCli, buildProgram, VERSION } from './run.js';
export { EXIT, CliUsageError, type CliIo } from './io.js';
export type { CommandContext, RegisterCommand } from './context.js';
