import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import type { CommandContext } from './context.js';
import { CliUsageError, EXIT, type CliIo } from './io.js';

export const VERSION = '0.1.0';

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('a4s')
    .description('Panasonic A4S 0.4 mm pitch board-to-FPC connectors: part numbers, selection, dimensions, design files and checks, from the catalog.')
    .version(VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.io.stdout.write(s),
      writeErr: (s) => void ctx.io.stderr.write(s),
    });
  for (const register of commands) register(program, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: (s) => void ctx.io.stdout.write(s), writeErr: (s) => void ctx.io.stderr.write(s) });
  return program;
}

/**
 * Runs the CLI in-process and returns the exit code; never throws for bad input.
 * argv is the user's words (no node/script prefix).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = { io, exitCode: EXIT.OK };
  const program = buildProgram(ctx);
  const wantsJson = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version asked for: fine. Help shown because a command was missing: a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.OK;
      if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      // commander has already printed its message to stderr
      return EXIT.USAGE;
    }
    if (err instanceof CliUsageError) {
      io.stderr.write(wantsJson ? `${JSON.stringify({ error: { code: err.code, message: err.message } })}\n` : `error [${err.code}]: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`error [INTERNAL]: ${message}\nThis is a bug in a4s; please report it with the command you ran.\n`);
    return 3;
  }
}
