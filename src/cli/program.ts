import { Command, Option } from 'commander';
import { CATALOG_OPTION, CATALOG_OPTION_HELP } from './catalog-option.js';
import type { CommandContext } from './context.js';

import { VERSION } from '../version.js';

export { VERSION };

/** The `a4s` program without its commands: description, version, output to the context's streams. */
export function baseProgram(ctx: CommandContext): Command {
  return (
    new Command('a4s')
      .description('Panasonic A4S 0.4 mm pitch board-to-FPC connectors: part numbers, selection, dimensions, design files and checks, from the catalog.')
      .version(VERSION)
      // Read before the command is loaded (run.ts: the series is made before the command runs); declared
      // here so that commander accepts it. Hidden from the help: the help's text is part of the recorded
      // output (test/output-hash.test.ts); the README documents it.
      .addOption(new Option(`${CATALOG_OPTION} <file>`, CATALOG_OPTION_HELP).hideHelp())
      .showSuggestionAfterError(true)
      .exitOverride()
      .configureOutput({
        writeOut: (s) => void ctx.io.stdout.write(s),
        writeErr: (s) => void ctx.io.stderr.write(s),
      })
  );
}

/** After the commands are added: they too throw instead of exiting, and write to the context's streams. */
export function finishProgram(program: Command, ctx: CommandContext): Command {
  for (const sub of program.commands)
    sub.exitOverride().configureOutput({ writeOut: (s) => void ctx.io.stdout.write(s), writeErr: (s) => void ctx.io.stderr.write(s) });
  return program;
}
