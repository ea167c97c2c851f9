import { CommanderError, Help, type Command } from 'commander';
import type { Series } from '../catalog/index.js';
import { addCommand, commands, usageOf } from './commands/index.js';
import { loadCatalogFile, takeCatalogOption } from './catalog-option.js';
import type { CommandContext } from './context.js';
import { CliUsageError, EXIT, printable, type CliIo } from './io.js';
import { baseProgram, finishProgram } from './program.js';

export { VERSION } from './program.js';

/** The built-in series (the validated build-time catalog), imported only when a command runs. */
async function defaultSeries(): Promise<Series> {
  return (await import('../catalog/series.js')).builtInSeries;
}

/** The command the words ask for: `a4s NAME …` or `a4s help NAME`; undefined for anything else. */
function requestedCommand(argv: readonly string[]) {
  const name = argv[0] === 'help' ? argv[1] : argv[0];
  return commands.find((c) => c.name === name);
}

/**
 * The program for these words, importing only what they need: the requested command's module, or,
 * for `a4s`, `a4s --help` and unknown commands, no command module at all (the help list and
 * "did you mean" come from the command table, ./commands/index.ts).
 */
export async function buildProgramFor(argv: readonly string[], ctx: CommandContext): Promise<Command> {
  const program = baseProgram(ctx);
  const { file: catalogFile, rest } = takeCatalogOption(argv);
  const wanted = requestedCommand(rest);
  if (wanted) {
    // The series is loaded with the command (the bare `a4s` and its help load no catalog): the
    // edition of --catalog <file> (validated, zod loaded then), else the built-in one.
    if (catalogFile !== undefined) ctx.series ??= await loadCatalogFile(ctx.io, catalogFile);
    ctx.series ??= await defaultSeries();
    await addCommand(program, wanted, ctx);
  } else {
    const usage = new Map<Command, string>();
    for (const c of commands) {
      const stub = program
        .command(c.name)
        .description(c.description)
        .allowUnknownOption()
        .allowExcessArguments()
        .action(() => {
          throw new Error(`the command ${c.name} was not loaded`);
        });
      usage.set(stub, `${c.name} ${usageOf(c)}`);
    }
    program.configureHelp({ subcommandTerm: (cmd) => usage.get(cmd) ?? new Help().subcommandTerm(cmd) });
  }
  return finishProgram(program, ctx);
}

/**
 * Runs the CLI in-process and returns the exit code; never throws for bad input.
 * argv is the user's words (no node/script prefix).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // `series` is set in buildProgramFor, when a command is loaded.
  const ctx = { io, exitCode: EXIT.OK } as CommandContext;
  const wantsJson = argv.includes('--json');
  try {
    const program = await buildProgramFor(argv, ctx);
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
      // Messages echo paths and names from input: their control characters are shown, never sent to the terminal.
      io.stderr.write(
        wantsJson ? `${JSON.stringify({ error: { code: err.code, message: err.message } })}\n` : `error [${err.code}]: ${printable(err.message)}\n`,
      );
      // The registry of exit classes imports every module's codes: loaded here, not at start-up.
      const { exitCodeOf } = await import('./exit.js');
      return exitCodeOf(err.code, err.partGiven);
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`error [INTERNAL]: ${message}\nThis is a bug in a4s; please report it with the command you ran.\n`);
    return EXIT.INTERNAL;
  }
}
