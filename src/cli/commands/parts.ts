import { partQueryFromFilters, queryParts, type PartQuery } from '../../select/index.js';
import type { RegisterCommand } from '../context.js';
import { heights, json, orUsageError, table, write } from '../io.js';

export interface PartsOptions {
  role?: string;
  pins?: string;
  minSignals?: string;
  height?: string;
  packaging?: string;
  inspection?: boolean;
  production?: boolean;
  json?: boolean;
}

/** Shared with the HTTP API and the page: the same filter names and checks (src/select/filters.ts). */
export function partQueryFromOptions(o: PartsOptions): PartQuery {
  return orUsageError(
    partQueryFromFilters(
      {
        role: o.role,
        pins: o.pins,
        'min-signals': o.minSignals,
        height: o.height,
        packaging: o.packaging,
        inspection: o.inspection,
        production: o.production,
      },
      '--',
    ),
  );
}

export const registerParts: RegisterCommand = (command, ctx) => {
  command
    .option('--role <role>', 'socket | header')
    .option('--pins <n>', 'exact number of pins')
    .option('--min-signals <n>', 'at least N signals: the smallest standard pin count that fits')
    .option('--height <mm>', 'mated height: 0.8 | 1.0 (sockets serve both)')
    .option('--packaging <id>', '8mm-pitch (5,000/reel) | 4mm-pitch (15,000/reel)')
    .option('--inspection', 'inspection parts only (3,000 cycles)')
    .option('--production', 'production parts only (no inspection parts)')
    .option('--json', 'print a JSON array of decode objects')
    .action(async (options: PartsOptions) => {
      const answer = queryParts(partQueryFromOptions(options), ctx.series);
      if (options.json) {
        await write(ctx.io.stdout, json(answer.parts));
        return;
      }
      const rows = answer.parts.map((p) => [
        p.partNumber,
        p.role,
        p.pins,
        p.inspection ? 'inspection' : heights(p.matedHeightsMm),
        p.packaging?.id ?? '—',
        p.packaging?.piecesPerReel ?? '—',
        p.matingCycles,
        p.dimensionsMm ? `${p.dimensionsMm.A}×${p.dimensionsMm.B}×${p.dimensionsMm.C}` : '—',
      ]);
      let text = table(['part number', 'role', 'pins', 'mated height mm', 'packaging', 'pcs/reel', 'cycles', 'A×B×C mm'], rows);
      text += `${answer.parts.length} part(s).${answer.note ? ` ${answer.note}` : ''}\n`;
      await write(ctx.io.stdout, text);
    });
};
