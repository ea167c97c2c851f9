import { orderQuantities, type OrderPlan } from '../../order/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, exitCodeOfStatus, json, printable, sharedOption, table, write } from '../io.js';
import { OPTIONS } from '../../options.js';
import { groupDigits } from '../../numbers.js';

const n = groupDigits;

function text(plan: OrderPlan): string {
  const lines: string[] = [`${plan.partNumber} (${plan.status}${plan.inspection ? ', inspection part' : ''}): ${n(plan.requestedPieces)} pieces needed`];
  const rows: unknown[][] = [];
  for (const r of [plan.reels, plan.alternative]) {
    if (!r) continue;
    rows.push([
      r.partNumber,
      r.packaging === '4mm-pitch' ? '4 mm' : '8 mm',
      n(r.piecesPerReel.value),
      r.reels,
      n(r.orderedPieces),
      n(r.leftoverPieces),
      r.outerCartons === null ? '—' : `${r.outerCartons} + ${r.looseReels} reel(s)`,
    ]);
  }
  if (rows.length) lines.push('', table(['part number', 'tape', 'pcs/reel', 'reels', 'pieces', 'leftover', 'outer cartons (2 reels)'], rows).trimEnd());
  if (plan.minimumLot) lines.push(`Order ${n(plan.orderPieces)} pieces (minimum ${plan.minimumLot.value} per lot; ${plan.minimumLot.source}).`);
  if (plan.suggestion) lines.push('', `Suggestion: ${plan.suggestion}`);
  for (const note of plan.notes) lines.push(`Note: ${note}`);
  if (plan.reels)
    lines.push(
      '',
      `Order unit: 1 reel (inner carton), ${plan.reels.piecesPerReel.source}${plan.reels.reelsPerOuterCarton ? `; outer carton = ${plan.reels.reelsPerOuterCarton.source}` : ''}.`,
    );
  return lines.join('\n') + '\n';
}

export const registerOrder: RegisterCommand = (command, ctx) => {
  command
    .option('--json', 'print the plan as JSON')
    .addHelpText(
      'after',
      '\nThe quantity may group its digits by threes: 12000, 12,000 or 12 000.\nExit code: 0 standard part, 1 nonstandard or invalid part number (as mate, dims, footprint, model), 2 usage error (a quantity that is not a whole number of pieces ≥ 1).',
    )
    .action(async (pn: string, quantityText: string, options: { json?: boolean }) => {
      // The quantity's grammar and message are the API's and the page's (OPTIONS.quantity); a bad one is a usage error (2).
      const quantity = sharedOption(OPTIONS.quantity, quantityText)!;
      const result = orderQuantities(pn, quantity, ctx.series);
      if (!result.ok) {
        const hint = result.suggestions?.length ? ` Did you mean: ${result.suggestions.join(', ')}?` : '';
        // The part number is an answer about the part (1), as for the other part commands.
        throw new CliUsageError(result.error.code, printable(`${result.error.message}${hint}`));
      }
      ctx.exitCode = exitCodeOfStatus(result.value.status);
      await write(ctx.io.stdout, options.json ? json(result.value) : text(result.value));
    });
};
