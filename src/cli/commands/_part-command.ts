import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { exitCodeOfStatus, json, write } from '../io.js';

/**
 * A command that answers for one part number (explain, mate, dims; its argument `<partNumber>` in
 * the command table): the exit code follows the
 * answer's status; --json prints the answer as JSON, else the command prints its text.
 */
export interface PartNumberCommand<Answer extends { readonly status: string }> {
  readonly jsonHelp: string;
  /** The answer for the part number as typed (may throw a CliUsageError). */
  readonly answer: (partNumber: string) => Answer;
  /** What --json prints: the answer itself unless given. */
  readonly json?: (answer: Answer) => unknown;
  /** Without --json: writes the answer for a reader. */
  readonly print: (answer: Answer, partNumber: string) => Promise<void>;
}

export function registerPartNumberCommand<Answer extends { readonly status: string }>(
  command: Command,
  ctx: CommandContext,
  spec: PartNumberCommand<Answer>,
): void {
  command.option('--json', spec.jsonHelp).action(async (pn: string, options: { json?: boolean }) => {
    const answer = spec.answer(pn);
    ctx.exitCode = exitCodeOfStatus(answer.status);
    if (options.json) return write(ctx.io.stdout, json(spec.json ? spec.json(answer) : answer));
    await spec.print(answer, pn);
  });
}
