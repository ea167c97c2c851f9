import type { Command } from 'commander';

/**
 * Registers a command that takes one part number and prints a table, or JSON with --json
 * (explain, mate, dims): the same argument, option and help in each.
 */
export function registerPartNumberCommand(
  program: Command,
  command: { readonly name: string; readonly description: string; readonly jsonHelp: string },
  run: (partNumber: string, asJson: boolean) => Promise<void>,
): void {
  program
    .command(command.name)
    .description(command.description)
    .argument('<partNumber>')
    .option('--json', command.jsonHelp)
    .action(async (pn: string, options: { json?: boolean }) => run(pn, options.json === true));
}
