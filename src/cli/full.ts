import type { Command } from 'commander';
import { commands } from './commands/index.js';
import type { CommandContext } from './context.js';
import { baseProgram, finishProgram } from './program.js';

/**
 * The program with every command loaded (imports them all): for the README's command table and the
 * tests. `a4s` itself loads only the command it runs (runCli in ./run.ts).
 */
export function buildProgram(ctx: CommandContext): Command {
  const program = baseProgram(ctx);
  for (const register of commands) register(program, ctx);
  return finishProgram(program, ctx);
}
