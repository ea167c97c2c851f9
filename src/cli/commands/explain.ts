import { explainPart } from '../../select/index.js';
import type { RegisterCommand } from '../context.js';
import { cell, table, write } from '../io.js';
import { registerPartNumberCommand } from './_part-command.js';

export const registerExplain: RegisterCommand = (command, ctx) =>
  registerPartNumberCommand(command, ctx, {
    jsonHelp: 'print JSON',
    answer: (pn) => explainPart(pn, ctx.series),
    print: (answer) =>
      write(
        ctx.io.stdout,
        table(
          ['field', 'value', 'provenance', 'source'],
          answer.fields.map((f) => [f.field, cell(f.value), f.provenance, f.source]),
        ),
      ),
  });
