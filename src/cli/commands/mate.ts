import { describePart, matesOf } from '../../select/index.js';
import type { RegisterCommand } from '../context.js';
import { table, write } from '../io.js';
import { registerPartNumberCommand } from './_part-command.js';

export const registerMate: RegisterCommand = (command, ctx) =>
  registerPartNumberCommand(command, ctx, {
    jsonHelp: 'print { partNumber, partners: [{ partNumber, matedHeightMm, inspection }] }',
    answer: (pn) => matesOf(pn, ctx.series),
    json: (answer) => ({ partNumber: answer.partNumber, status: answer.status, partners: answer.partners }),
    print: async (answer, pn) => {
      if (answer.status === 'invalid') {
        const d = describePart(pn, ctx.series);
        await write(
          ctx.io.stderr,
          `error [${d.errors[0]?.code}]: ${d.errors[0]?.message}${d.suggestions.length ? `\nDid you mean: ${d.suggestions.join(', ')}?` : ''}\n`,
        );
        return;
      }
      const note = answer.status === 'nonstandard' ? `${answer.partNumber} is not a standard part; partners listed at the same pin count.\n` : '';
      await write(
        ctx.io.stdout,
        note +
          table(
            ['partner', 'mated height mm', 'inspection', 'basis'],
            answer.partners.map((p) => [
              p.partNumber,
              p.matedHeightMm === null ? 'not stated' : p.matedHeightMm.toFixed(1),
              p.inspection ? 'yes' : 'no',
              p.basis,
            ]),
          ) +
          (answer.partners.length === 0 ? 'No standard partner at this pin count.\n' : ''),
      );
    },
  });
