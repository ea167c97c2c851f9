import { orderQuantities, type OrderPlan } from '../../order/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, EXIT, exitCodeOfStatus, json, printable, table, write } from '../io.js';
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

/**
 * A whole number of pieces, as people write it: plain digits, or digits grouped by threes with one
 * separator (12,000 — as this command prints it — or 12 000, 12_000, 12'000). A dot is not taken
 * (12.000 is twelve in English, twelve thousand elsewhere). NaN otherwise.
 */
export function parseQuantity(text: string): number {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^\d{1,3}([,_' \u00a0\u202f])\d{3}(?:\1\d{3})*$/.exec(t);
  return m ? Number(t.split(m[1]!).join('')) : Number.NaN;
}

export const registerOrder: RegisterCommand = (command, ctx) => {
  command
    .option('--json', 'print the plan as JSON')
    .addHelpText(
      'after',
      '\nThe quantity may group its digits by threes: 12000, 12,000 or 12 000.\nExit code: 0 standard part, 1 nonstandard or invalid part number (as mate, dims, footprint, model), 2 usage error (a quantity that is not a whole number of pieces ≥ 1).',
    )
    .action(async (pn: string, quantityText: string, options: { json?: boolean }) => {
      const quantity = parseQuantity(quantityText);
      const result = orderQuantities(pn, Number.isNaN(quantity) ? (quantityText as unknown as number) : quantity, ctx.series);
      if (!result.ok) {
        const hint = result.suggestions?.length ? ` Did you mean: ${result.suggestions.join(', ')}?` : '';
        // The quantity is a usage error (2); the part number is an answer about the part (1), as for the other part commands.
        const usage = result.error.code === 'ORDER_BAD_QUANTITY' || result.error.code === 'ORDER_QUANTITY_TOO_LARGE';
        throw new CliUsageError(result.error.code, printable(`${result.error.message}${hint}`), usage ? EXIT.USAGE : EXIT.FINDINGS);
      }
      ctx.exitCode = exitCodeOfStatus(result.value.status);
      await write(ctx.io.stdout, options.json ? json(result.value) : text(result.value));
    });
};
