import { matesOf } from '../../select/index.js';
import type { RegisterCommand } from '../context.js';
import { EXIT, json, table, write } from '../io.js';
import { describePart } from '../../select/index.js';

export const registerMate: RegisterCommand = (program, ctx) => {
  program
    .command('mate')
    .description('Mating partners of a part (the socket is common to both mated heights; the header decides the height)')
    .argument('<partNumber>')
    .option('--json', 'print { partNumber, partners: [{ partNumber, matedHeightMm, inspection }] }')
    .action(async (pn: string, options: { json?: boolean }) => {
      const answer = matesOf(pn);
      ctx.exitCode = answer.status === 'standard' ? EXIT.OK : EXIT.FINDINGS;
      if (options.json) {
        await write(ctx.io.stdout, json({ partNumber: answer.partNumber, status: answer.status, partners: answer.partners }));
        return;
      }
      if (answer.status === 'invalid') {
        const d = describePart(pn);
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
    });
};
