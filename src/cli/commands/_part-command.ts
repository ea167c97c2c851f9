import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { exitCodeOfStatus, json, write } from '../io.js';

/**
 * A command that answers for one part number (explain, mate, dims): the exit code follows the
 * answer's status; --json prints the answer as JSON, else the command prints its text.
 */
export interface PartNumberCommand<Answer extends { readonly status: string }> {
  readonly name: string;
  readonly description: string;
  readonly jsonHelp: string;
  /** The answer for the part number as typed (may throw a CliUsageError). */
  readonly answer: (partNumber: string) => Answer;
  /** What --json prints: the answer itself unless given. */
  readonly json?: (answer: Answer) => unknown;
  /** Without --json: writes the answer for a reader. */
  readonly print: (answer: Answer, partNumber: string) => Promise<void>;
}

export function registerPartNumberCommand<Answer extends { readonly status: string }>(
  program: Command,
  ctx: CommandContext,
  command: PartNumberCommand<Answer>,
): void {
  program
    .command(command.name)
    .description(command.description)
    .argument('<partNumber>')
    .option('--json', command.jsonHelp)
    .action(async (pn: string, options: { json?: boolean }) => {
      const answer = command.answer(pn);
      ctx.exitCode = exitCodeOfStatus(answer.status);
      if (options.json) return write(ctx.io.stdout, json(command.json ? command.json(answer) : answer));
      await command.print(answer, pn);
    });
}
