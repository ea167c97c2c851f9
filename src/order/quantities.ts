import { builtInSeries, productTypeTable, type PackagingId, type Series, sourceHeading } from '../catalog/index.js';
import { error } from '../errors.js';
import { checkPartNumber, formatPartNumber } from '../partnumber/index.js';
import { fail, ok, type Result } from '../result.js';
import type { Provenance } from '../provenance.js';
import { groupDigits } from '../numbers.js';
import { OPTIONS } from '../options.js';

/** A number we output, with where it comes from. */
export interface Sourced<T> {
  readonly value: T;
  readonly provenance: Extract<Provenance, 'catalog' | 'derived' | 'assumed'>;
  readonly source: string;
}

export interface ReelPlan {
  readonly partNumber: string;
  readonly packaging: PackagingId;
  readonly piecesPerReel: Sourced<number>;
  /** null for well-formed parts the product tables do not list (the carton is stated for listed parts only). */
  readonly reelsPerOuterCarton: Sourced<number> | null;
  readonly reels: number;
  readonly orderedPieces: number;
  readonly leftoverPieces: number;
  readonly outerCartons: number | null;
  /** Reels beyond full outer cartons. */
  readonly looseReels: number | null;
}

export interface OrderPlan {
  readonly partNumber: string;
  readonly status: 'standard' | 'nonstandard';
  readonly requestedPieces: number;
  readonly inspection: boolean;
  /** Reel plan (production parts); null for inspection parts (no packaging stated). */
  readonly reels: ReelPlan | null;
  /** The same part on the other packaging, when the catalog lists it. */
  readonly alternative: ReelPlan | null;
  /** Set when the other packaging needs fewer reels. */
  readonly suggestion: string | null;
  /** Pieces to order: whole reels, or the inspection minimum lot. */
  readonly orderPieces: number;
  readonly minimumLot: Sourced<number> | null;
  readonly notes: readonly string[];
}

/** Quantities beyond this are typos (a part number pasted as quantity), not orders: the bound of the quantity option (src/options.ts). */
export const MAX_ORDER_PIECES: number = OPTIONS.quantity.max;

function reelPlan(
  partNumber: string,
  packaging: PackagingId,
  piecesPerReel: Sourced<number>,
  reelsPerCarton: Sourced<number> | null,
  quantity: number,
): ReelPlan {
  const reels = Math.ceil(quantity / piecesPerReel.value);
  const orderedPieces = reels * piecesPerReel.value;
  return {
    partNumber,
    packaging,
    piecesPerReel,
    reelsPerOuterCarton: reelsPerCarton,
    reels,
    orderedPieces,
    leftoverPieces: orderedPieces - quantity,
    outerCartons: reelsPerCarton ? Math.floor(reels / reelsPerCarton.value) : null,
    looseReels: reelsPerCarton ? reels % reelsPerCarton.value : null,
  };
}

function listedPlan(partNumber: string, packaging: PackagingId, quantity: number, series: Series): ReelPlan {
  const table = productTypeTable(packaging, series.catalog);
  const perReel: Sourced<number> = { value: table.piecesPerReel, provenance: 'catalog', source: `${table.source} / Standard packing / Inner carton (1-reel)` };
  const perCarton: Sourced<number> = {
    value: table.piecesPerOuterCarton / table.piecesPerReel,
    provenance: 'derived',
    source: `${table.piecesPerOuterCarton} pcs per outer carton ÷ ${table.piecesPerReel} pcs per reel (${table.source} / Standard packing)`,
  };
  return reelPlan(partNumber, packaging, perReel, perCarton, quantity);
}

/**
 * What to say when fewer pieces than one reel are needed. The order unit for volume production is
 * one reel (inner carton), so the order is rounded up to it: said always. Samples are ordered
 * through sales instead; that is said only when most of the smallest reel of the part would be
 * left over (assumed threshold: fewer than half its pieces needed), i.e. when a sample order is
 * the likely point; 12,000 pieces from a 15,000-piece reel is a production order with 3,000 left over.
 */
function belowOneReel(quantity: number, plan: ReelPlan, alternative: ReelPlan | null, series: Series): string[] {
  const perReel = plan.piecesPerReel.value;
  if (quantity >= perReel) return [];
  const n = groupDigits;
  const notes = [
    `Less than one reel: rounded up to 1 reel of ${n(perReel)} pieces, ${n(plan.leftoverPieces)} left over (the order unit for volume production is 1 reel).`,
  ];
  const smallestReel = Math.min(perReel, alternative?.piecesPerReel.value ?? Infinity);
  if (quantity * 2 < smallestReel) {
    const samples = series.catalog.rules.find((r) => r.id === 'mounting-samples');
    // "PRODUCT TYPES": the section of the product-type tables and their notes.
    const productTypesSource = sourceHeading(series.catalog.productTypes[0]!.source, 1);
    const unit = samples?.values.find((v) => v.name === 'sampleUnitPieces')?.value;
    notes.push(
      `${n(quantity)} pieces would leave most of a ${n(smallestReel)}-piece reel unused: for samples, please contact our sales representative (${productTypesSource}, Notes 1)${unit !== undefined ? `; samples to confirm mounting on the placement machine come in ${unit}-piece units (${samples!.source})` : ''}.`,
    );
  }
  return notes;
}

/**
 * Pieces → reels (the order unit: one inner carton = one reel), outer cartons and leftover pieces;
 * suggests the other packaging when it needs fewer reels; inspection parts: lots of at least 50.
 */
export function orderQuantities(partNumber: string, quantity: number, series: Series = builtInSeries): Result<OrderPlan> {
  const catalog = series.catalog;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
    return fail(error('ORDER_BAD_QUANTITY', `Quantity ${String(quantity)}: give a whole number of pieces, 1 or more.`));
  }
  if (quantity > MAX_ORDER_PIECES) return fail(error('ORDER_QUANTITY_TOO_LARGE', `Quantity ${quantity} is more than ${groupDigits(MAX_ORDER_PIECES)} pieces.`));
  const check = checkPartNumber(partNumber, series);
  if (!check.fields || !check.partNumber) return fail(check.errors[0]!, check.suggestions);
  const f = check.fields;
  // A renamed number (AXE5nn124) is today's listed part: its packing applies, with a note.
  const status = check.status === 'standard' || check.status === 'renamed' ? 'standard' : 'nonstandard';
  const notes: string[] = [];
  if (check.status === 'renamed') notes.push(check.errors[0]!.message);
  if (status === 'nonstandard') notes.push(`${check.partNumber} is not listed: ${catalog.productTypes[0]!.otherPinCounts}`);

  if (f.inspection) {
    const lot = catalog.inspection.minimumOrderPiecesPerLot;
    const minimumLot: Sourced<number> = { value: lot, provenance: 'catalog', source: `${catalog.inspection.source} / Notes 2` };
    if (quantity < lot) notes.push(`Raised from ${quantity} to the minimum lot of ${lot} pieces.`);
    notes.push('The catalog does not state the packaging of inspection parts: ask Panasonic sales.');
    return ok({
      partNumber: check.partNumber,
      status,
      requestedPieces: quantity,
      inspection: true,
      reels: null,
      alternative: null,
      suggestion: null,
      orderPieces: Math.max(quantity, lot),
      minimumLot,
      notes,
    });
  }

  const packaging = f.packaging!;
  // Unlisted but well formed: the catalog gives packing (reel and carton quantities) for listed
  // parts only, so there is nothing to plan with (packagingInfo carries none for such a part).
  if (status !== 'standard') {
    return fail(
      error(
        'ORDER_NO_PACKAGING',
        `${check.partNumber} is not listed: the catalog gives packing (pieces per reel and per carton) for listed parts only, so this part has no catalog packing. Ask Panasonic sales for its packaging, or use a listed part.`,
      ),
      check.suggestions,
    );
  }
  const plan = listedPlan(check.partNumber, packaging, quantity, series);

  const otherPackaging: PackagingId = packaging === '8mm-pitch' ? '4mm-pitch' : '8mm-pitch';
  const otherNumber = formatPartNumber({ ...f, packaging: otherPackaging }, series);
  const alternative = series.partIndex.has(otherNumber) ? listedPlan(otherNumber, otherPackaging, quantity, series) : null;
  let suggestion: string | null = null;
  if (alternative && alternative.reels < plan.reels) {
    suggestion = `${otherNumber} (${otherPackaging === '4mm-pitch' ? '4 mm' : '8 mm'} pitch tape, ${groupDigits(alternative.piecesPerReel.value)} per reel) needs ${alternative.reels} reel${alternative.reels === 1 ? '' : 's'} instead of ${plan.reels}: the same part, another packaging.`;
  }
  notes.push(...belowOneReel(quantity, plan, alternative, series));
  return ok({
    partNumber: check.partNumber,
    status,
    requestedPieces: quantity,
    inspection: false,
    reels: plan,
    alternative,
    suggestion,
    orderPieces: plan.orderedPieces,
    minimumLot: null,
    notes,
  });
}
