import type { Series } from '../../catalog/index.js';
import { checkPartNumber } from '../../partnumber/index.js';
import { dimensionsFor, matingForces } from '../../select/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, table, write } from '../io.js';
import { registerPartNumberCommand } from './_part-command.js';

/** Dimensions and mating forces of a decodable part number; an undecodable one is an error (exit code 1). */
function dimensionsAnswer(pn: string, series: Series) {
  const check = checkPartNumber(pn, series);
  if (!check.fields) {
    const e = check.errors[0]!;
    throw new CliUsageError(e.code, `${e.message}${check.suggestions.length ? ` Did you mean: ${check.suggestions.join(', ')}?` : ''}`);
  }
  const f = check.fields;
  return {
    partNumber: check.partNumber,
    status: check.status,
    dims: dimensionsFor(f.role, f.pins, f.matedHeightMm, f.inspection, series),
    forces: matingForces(f.pins, { inspection: f.inspection }, series),
  };
}

export const registerDims: RegisterCommand = (command, ctx) =>
  registerPartNumberCommand(command, ctx, {
    jsonHelp: 'print JSON',
    answer: (pn) => dimensionsAnswer(pn, ctx.series),
    json: ({ partNumber, status, dims, forces }) => ({ partNumber, status, ...dims, forces }),
    print: ({ dims, forces }) => {
      const src = (k: 'A' | 'B' | 'C') => (dims.formulas ? dims.formulas[k] : dims.source);
      let text = table(
        ['dimension', 'mm', 'provenance', 'source'],
        (['A', 'B', 'C'] as const).map((k) => [k, dims.dimensionsMm[k].toFixed(2), dims.provenance, src(k)]),
      );
      if (dims.generalToleranceMm !== null) text += `General tolerance ±${dims.generalToleranceMm} mm.\n`;
      if (dims.note) text += `${dims.note}\n`;
      text +=
        forces.removalMinN === null
          ? `Insertion force ≤ ${forces.insertionMaxN} N (${forces.formula}). ${forces.note}\n`
          : `Insertion force ≤ ${forces.insertionMaxN} N, removal force ≥ ${forces.removalMinN} N (${forces.formula}).\n`;
      return write(ctx.io.stdout, text);
    },
  });
