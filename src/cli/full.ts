import type { Command } from 'commander';
import { addCommand, commands } from './commands/index.js';
import type { CommandContext } from './context.js';
import { baseProgram, finishProgram } from './program.js';

/**
 * The program with every command loaded (imports them all, in the table's order): for the README's
 * command table and the tests. `a4s` itself loads only the command it runs (runCli in ./run.ts).
 */
export async function buildProgram(ctx: CommandContext): Promise<Command> {
  const program = baseProgram(ctx);
  for (const entry of commands) await addCommand(program, entry, ctx);
  return finishProgram(program, ctx);
}
