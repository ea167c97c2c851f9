import { explainPart } from '../../select/index.js';
import type { RegisterCommand } from '../context.js';
import { EXIT, cell, json, table, write } from '../io.js';

export const registerExplain: RegisterCommand = (program, ctx) => {
  program
    .command('explain')
    .description('Every field of a part with its value, provenance (catalog / derived / inferred) and catalog source')
    .argument('<partNumber>')
    .option('--json', 'print JSON')
    .action(async (pn: string, options: { json?: boolean }) => {
      const answer = explainPart(pn);
      ctx.exitCode = answer.status === 'standard' ? EXIT.OK : EXIT.FINDINGS;
      if (options.json) return write(ctx.io.stdout, json(answer));
      await write(
        ctx.io.stdout,
        table(
          ['field', 'value', 'provenance', 'source'],
          answer.fields.map((f) => [f.field, cell(f.value), f.provenance, f.source]),
        ),
      );
    });
};
