import { explainPart } from '../../select/index.js';
import type { RegisterCommand } from '../context.js';
import { cell, exitCodeOfStatus, json, table, write } from '../io.js';
import { registerPartNumberCommand } from './_part-command.js';

export const registerExplain: RegisterCommand = (program, ctx) =>
  registerPartNumberCommand(
    program,
    {
      name: 'explain',
      description: 'Every field of a part with its value, provenance (catalog / derived / inferred) and catalog source',
      jsonHelp: 'print JSON',
    },
    async (pn, asJson) => {
      const answer = explainPart(pn);
      ctx.exitCode = exitCodeOfStatus(answer.status);
      if (asJson) return write(ctx.io.stdout, json(answer));
      await write(
        ctx.io.stdout,
        table(
          ['field', 'value', 'provenance', 'source'],
          answer.fields.map((f) => [f.field, cell(f.value), f.provenance, f.source]),
        ),
      );
    },
  );
