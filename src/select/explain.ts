import { builtInSeries, productTypeTable, type Series, seriesDerived, sourceHeading } from '../catalog/index.js';
import { checkPartNumber, type PartNumberStatus } from '../partnumber/index.js';
import { describeCheck } from './describe.js';
import { dimensionsFor } from './dimensions.js';
import { matingForces } from './forces.js';
import type { Provenance } from '../provenance.js';

export interface ExplainedField {
  readonly field: string;
  readonly value: unknown;
  readonly provenance: Extract<Provenance, 'catalog' | 'derived' | 'inferred' | 'reference' | 'assumed' | 'input'>;
  readonly source: string;
}

export interface Explanation {
  readonly partNumber: string | null;
  readonly status: PartNumberStatus;
  readonly fields: ExplainedField[];
}

/** The sources explanations cite, read from a series' catalog (once per series). */
interface Citations {
  readonly grammar: string;
  /** The catalog's row: "SPECIFICATIONS / Characteristics / Lifetime characteristics (Insertion and removal life: 30 times)". */
  readonly life: string;
  /** "PRODUCT TYPES": the section of the product-type tables, their notes and the standard packing. */
  readonly productTypes: string;
  /** "EMBOSED TAPE DIMENSIONS / Dimension table" (the catalog's spelling). */
  readonly tapeTable: string;
  /** Where the mated heights of a part come from (the socket serves every height the series lists). */
  readonly heights: string;
}

function buildCitations(series: Series): Citations {
  const catalog = series.catalog;
  const life = catalog.characteristics.find((c) => c.id === 'insertion-removal-life')!;
  return {
    grammar: `part-number grammar inferred from the product-type tables (${catalog.partNumberGrammar.legendMissing})`,
    life: `${life.source} (${life.item}: ${life.text})`,
    productTypes: sourceHeading(catalog.productTypes[0]!.source, 1),
    tapeTable: sourceHeading(catalog.tape.tables[0]!.source, 2),
    heights: `product-type tables: heights at which a listed partner exists at this pin count (the socket is common to ${catalog.series.matedHeightsMm.map((h) => h.toFixed(1)).join(' and ')} mm)`,
  };
}

/** Each field of the decode object with where it comes from. */
export function explainPart(input: string, series: Series = builtInSeries): Explanation {
  const check = checkPartNumber(input, series);
  const d = describeCheck(check, series);
  const catalog = series.catalog;
  const cite = seriesDerived(series, buildCitations);
  const fields: ExplainedField[] = [{ field: 'input', value: d.input, provenance: 'input', source: 'as given' }];
  if (!check.fields) {
    fields.push({ field: 'errors', value: d.errors, provenance: 'inferred', source: cite.grammar });
    return { partNumber: null, status: 'invalid', fields };
  }
  const f = check.fields;
  const listedIn = check.catalogPart ? check.catalogPart.sources.join('; ') : 'not listed in any product-type or inspection table';
  fields.push({ field: 'status', value: d.status, provenance: 'catalog', source: listedIn });
  fields.push({
    field: 'role',
    value: d.role,
    provenance: check.catalogPart ? 'catalog' : 'inferred',
    source: check.catalogPart ? `${listedIn} (column ${f.role === 'socket' ? 'Socket' : 'Header'})` : cite.grammar,
  });
  fields.push({
    field: 'pins',
    value: d.pins,
    provenance: check.catalogPart ? 'catalog' : 'inferred',
    source: check.catalogPart ? `${listedIn} (Number of pins)` : cite.grammar,
  });
  fields.push({
    field: 'inspection',
    value: d.inspection,
    provenance: 'catalog',
    source: f.inspection ? catalog.inspection.source : `not of the inspection form ${catalog.inspection.socketPattern} / ${catalog.inspection.headerPattern}`,
  });
  fields.push({
    field: 'matingCycles',
    value: d.matingCycles,
    provenance: 'catalog',
    source: f.inspection ? `${catalog.inspection.source} (${catalog.inspection.features[0]})` : cite.life,
  });
  if (f.role === 'header' && !f.inspection) {
    fields.push({
      field: 'matedHeightMm',
      value: d.matedHeightMm,
      provenance: check.catalogPart ? 'catalog' : 'inferred',
      source: check.catalogPart ? `${listedIn} (Mated height)` : cite.grammar,
    });
  }
  fields.push({
    field: 'matedHeightsMm',
    value: d.matedHeightsMm,
    provenance: check.catalogPart || f.inspection ? 'catalog' : 'inferred',
    source: f.inspection ? 'not stated for inspection parts' : cite.heights,
  });
  if (d.packaging) {
    const listed = check.catalogPart !== null;
    fields.push({
      field: 'packaging.tapePitchMm',
      value: d.packaging.tapePitchMm,
      provenance: listed ? 'catalog' : 'inferred',
      source: `${sourceHeading(productTypeTable(d.packaging.id, catalog).source, 2)}${listed ? '' : ' (read from the suffix by the inferred grammar)'}`,
    });
    fields.push({
      field: 'packaging.piecesPerReel',
      value: d.packaging.piecesPerReel,
      provenance: 'catalog',
      source: listed ? `${cite.productTypes} / Standard packing / Inner carton (1-reel)` : 'standard packing is stated for listed parts only (contact sales)',
    });
    fields.push({
      field: 'packaging.piecesPerOuterCarton',
      value: d.packaging.piecesPerOuterCarton,
      provenance: 'catalog',
      source: listed ? `${cite.productTypes} / Standard packing / Outer carton` : 'standard packing is stated for listed parts only (contact sales)',
    });
    fields.push({
      field: 'packaging.tapeType',
      value: d.packaging.tapeType,
      provenance: listed ? 'catalog' : 'inferred',
      source: `${cite.tapeTable} / Type of taping${listed ? '' : ' (the row whose pin range holds this count)'}`,
    });
    fields.push({
      field: 'packaging.tapeWidthMm',
      value: d.packaging.tapeWidthMm,
      provenance: 'inferred',
      source: `${cite.tapeTable} / column A, read as the carrier tape width (tape drawing missing)`,
    });
  } else {
    fields.push({ field: 'packaging', value: null, provenance: 'catalog', source: 'the catalog does not state the packaging of inspection parts' });
  }
  const dims = dimensionsFor(f.role, f.pins, f.matedHeightMm, f.inspection, series);
  for (const key of ['A', 'B', 'C'] as const) {
    fields.push({
      field: `dimensionsMm.${key}`,
      value: dims.dimensionsMm[key],
      provenance: dims.provenance,
      source: dims.formulas ? dims.formulas[key] : dims.source,
    });
  }
  const forces = matingForces(f.pins, { inspection: f.inspection }, series);
  fields.push({ field: 'insertionForceMaxN', value: forces.insertionMaxN, provenance: 'derived', source: `${forces.formula} (${forces.source})` });
  fields.push({
    field: 'removalForceMinN',
    value: forces.removalMinN,
    provenance: forces.removalMinN === null ? 'catalog' : 'derived',
    source: forces.note ?? `${forces.formula} (${forces.source})`,
  });
  return { partNumber: check.partNumber, status: check.status, fields };
}
