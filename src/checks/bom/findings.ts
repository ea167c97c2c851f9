import { builtInSeries, type Series } from '../../catalog/index.js';
import { checkPartNumber, type PartNumberCheck } from '../../partnumber/index.js';
import { MAX_ORDER_PIECES, orderQuantities } from '../../order/index.js';
import { matesOf } from '../../select/index.js';
import { CHECK_CODES, type BomFindingCode } from '../codes.js';
import { matedHeightCodes, productTypesSource, type limits } from '../shared/index.js';
import type { Severity } from '../types.js';
import type { BomFinding, BomPart, BomOptions } from './types.js';
import { groupDigits } from '../../numbers.js';

/** Findings about the A4S parts a BOM names: status, mating partners, heights, reels, inspection parts. */

export const nf = groupDigits;

export function toBomPart(check: PartNumberCheck, quantity: number, lines: number[]): BomPart {
  const f = check.fields!;
  return {
    partNumber: check.partNumber!,
    // A renamed number is today's listed part (its line got BOM_PART_RENAMED).
    status: check.status === 'standard' || check.status === 'renamed' ? 'standard' : 'nonstandard',
    role: f.role,
    pins: f.pins,
    inspection: f.inspection,
    matedHeightMm: f.matedHeightMm,
    packaging: f.packaging,
    quantity,
    lines,
  };
}

export function partFindings(
  bomParts: readonly BomPart[],
  raw: ReadonlyMap<string, { check: PartNumberCheck; lineCount: number }>,
  options: BomOptions,
  boards: number,
  l: ReturnType<typeof limits>,
  series: Series = builtInSeries,
): BomFinding[] {
  const { catalog } = series;
  const productTypes = productTypesSource(series);
  const out: BomFinding[] = [];
  const add = (code: BomFindingCode, severity: Severity, p: readonly BomPart[], message: string, source: string, fix?: string) => {
    const lines = p.flatMap((x) => x.lines).sort((a, b) => a - b);
    const total = p.reduce((s, x) => s + (raw.get(x.partNumber)?.lineCount ?? x.lines.length), 0);
    out.push({
      code,
      severity,
      lines,
      moreLines: Math.max(0, total - lines.length),
      partNumbers: p.map((x) => x.partNumber),
      message,
      source,
      fix: fix ?? CHECK_CODES[code].fix,
    });
  };
  const mateParts = options.mateParts ?? [];
  const everywhere = [...bomParts, ...mateParts];
  for (const p of bomParts) {
    const check = raw.get(p.partNumber)!.check;
    if (p.status === 'nonstandard') {
      add(
        'BOM_PART_NONSTANDARD',
        'warning',
        [p],
        `${p.partNumber}: ${check.errors[0]?.message ?? 'not listed.'}${check.suggestions.length ? ` Standard: ${check.suggestions.join(', ')}.` : ''}`,
        `${productTypes} (Notes 2)`,
        check.suggestions.length ? `Use ${check.suggestions[0]}, or confirm availability with Panasonic sales.` : undefined,
      );
    }
    const partnerPresent = everywhere.some((o) => o.role !== p.role && o.pins === p.pins);
    if (!partnerPresent) {
      const other = p.role === 'socket' ? 'header' : 'socket';
      const where = options.mateParts ? 'either BOM' : 'the BOM (give the other board’s BOM with --mate)';
      const partners = matesOf(p.partNumber, series)
        .partners.filter((x) => x.inspection === p.inspection)
        .map((x) => x.partNumber)
        .slice(0, 4);
      if (partners.length > 0) {
        const shown = partners.map((x) => (checkPartNumber(x, series).status === 'standard' ? x : `${x} (not listed)`)).join(', ');
        add(
          'BOM_MATE_MISSING',
          'warning',
          [p],
          `${p.partNumber} (${p.role}, ${p.pins} pins): no mating ${other} in ${where}; partners: ${shown}.`,
          `${productTypes} (socket and header on one row)`,
          `Add one of ${partners.join(', ')} to the other board’s BOM.`,
        );
      } else {
        const nearest = check.suggestions.slice(0, 3);
        add(
          'BOM_MATE_MISSING',
          'warning',
          [p],
          `${p.partNumber} (${p.role}, ${p.pins} pins): no mating ${other} in ${where}, and no standard ${other} mates with it: the catalog lists no ${other} for this ${p.role}${nearest.length ? `; the nearest standard ${p.role}s: ${nearest.join(', ')}` : ''}.`,
          `${productTypes} (socket and header on one row)`,
          nearest.length
            ? `Use a standard ${p.role} (${nearest.join(', ')}) and its ${other}, or confirm this part and its ${other} with Panasonic sales.`
            : `Confirm this part and its ${other} with Panasonic sales.`,
        );
      }
    }
    if (p.inspection) {
      if (!options.fixture)
        add(
          'BOM_INSPECTION_PART',
          'error',
          [p],
          `${p.partNumber} is an inspection part (${groupDigits(catalog.inspection.matingCycles)} cycles, retention force not warranted) in a production BOM; the catalog says to avoid uses other than inspection.`,
          catalog.inspection.source,
          `Use the standard ${p.role} of ${p.pins} pins in production, or pass --fixture for an inspection-fixture BOM.`,
        );
      const pieces = p.quantity * boards;
      if (pieces < l.inspectionMinLot.value)
        add(
          'BOM_INSPECTION_MIN_LOT',
          'warning',
          [p],
          `${p.partNumber}: ${pieces} pieces needed (${p.quantity} × ${boards} boards), below the minimum of ${l.inspectionMinLot.value} pieces per lot: order ${l.inspectionMinLot.value}.`,
          l.inspectionMinLot.source,
        );
    } else {
      const pieces = p.quantity * boards;
      if (pieces > MAX_ORDER_PIECES) {
        add(
          'BOM_QUANTITY_TOO_LARGE',
          'error',
          [p],
          `${p.partNumber}: ${nf(pieces)} pieces (${nf(p.quantity)} × ${nf(boards)} board${boards === 1 ? '' : 's'}) is more than ${nf(MAX_ORDER_PIECES)} pieces, the bound of a4s order (ORDER_QUANTITY_TOO_LARGE): no reel plan is made.`,
          'BOM',
        );
        continue;
      }
      const plan = orderQuantities(p.partNumber, Math.max(1, pieces), series);
      if (plan.ok && plan.value.reels) {
        const r = plan.value.reels;
        add(
          'BOM_REEL_ROUNDING',
          'info',
          [p],
          `${p.partNumber}: ${p.quantity * boards} piece${p.quantity * boards === 1 ? '' : 's'} (${p.quantity} × ${boards} board${boards === 1 ? '' : 's'}) → ${r.reels} reel${r.reels === 1 ? '' : 's'} of ${groupDigits(r.piecesPerReel.value)} = ${groupDigits(r.orderedPieces)} pieces, ${groupDigits(r.leftoverPieces)} left over${r.outerCartons !== null ? `; ${r.outerCartons} outer carton${r.outerCartons === 1 ? '' : 's'} + ${r.looseReels} reel${r.looseReels === 1 ? '' : 's'}` : ''}.${plan.value.suggestion ? ` Consider ${plan.value.suggestion}` : ''}`,
          r.piecesPerReel.source,
          plan.value.suggestion
            ? `Order ${plan.value.alternative!.partNumber}: ${plan.value.alternative!.reels} reel(s) instead of ${r.reels}.`
            : `Order ${r.reels} reel(s).`,
        );
      }
    }
  }
  // Heights: the header decides the mated height; two header heights at one pin count disagree.
  const headersByPins = new Map<number, Set<number>>();
  // Two boards checked together: the heights across them are the pairing's (checkBomPair), said once.
  const heightParts = options.pairChecked ? bomParts : everywhere;
  for (const p of heightParts)
    if (p.role === 'header' && !p.inspection && p.matedHeightMm !== null)
      headersByPins.set(p.pins, (headersByPins.get(p.pins) ?? new Set()).add(p.matedHeightMm));
  for (const [pins, heights] of headersByPins) {
    if (heights.size < 2) continue;
    const involved = bomParts.filter((p) => p.role === 'header' && p.pins === pins);
    add(
      'BOM_HEIGHT_CONFLICT',
      'warning',
      involved,
      `${pins}-pin headers of mated heights ${[...heights]
        .sort()
        .map((h) => h.toFixed(1))
        .join(' and ')} mm are listed (${heightParts
        .filter((p) => p.role === 'header' && p.pins === pins)
        .map((p) => p.partNumber)
        .join(', ')}): the two boards would sit at different heights.`,
      `${productTypes} (${matedHeightCodes(series)})`,
    );
  }
  // The same part on both packagings.
  const byFields = new Map<string, BomPart[]>();
  for (const p of bomParts) {
    if (p.inspection) continue;
    const key = `${p.role}/${p.pins}/${p.matedHeightMm}`;
    byFields.set(key, [...(byFields.get(key) ?? []), p]);
  }
  for (const group of byFields.values()) {
    if (group.length < 2) continue;
    add(
      'BOM_MIXED_PACKAGING',
      'info',
      group,
      `${group.map((p) => p.partNumber).join(' and ')} are the same part on ${group.map((p) => (p.packaging === '4mm-pitch' ? '4 mm' : '8 mm')).join(' and ')} tape: each is ordered by whole reels.`,
      `${productTypes} (8 mm / 4 mm pitch embossed packaging)`,
    );
  }
  return out;
}
