import { builtInSeries, type Series } from '../catalog/index.js';
import { contactAreaRatio, type LandPattern, type ParamProvenance } from '../geometry/index.js';
import { f2, PAGE, PROVENANCE_COLOURS } from './style.js';
import { line, LINE_MM, text, TEXT_MM, wrap } from './svg.js';

/**
 * The text of the sheet: the table of every number with its provenance, the numbered source notes
 * it cites, and the checks to make before fabrication.
 */

export interface DrawingNumber {
  readonly name: string;
  readonly value: string;
  readonly provenance: ParamProvenance;
  readonly source: string;
}

/** The table of numbers drawn, each with its provenance and source. */
export function numberRows(lp: LandPattern, series: Series = builtInSeries): DrawingNumber[] {
  const d = lp.dimensions;
  const p = lp.params;
  const dimProv: ParamProvenance = d.provenance;
  const dimSource = (k: 'A' | 'B' | 'C') => (d.formulas ? `${d.source}; ${k} = ${d.formulas[k]}` : `catalog: ${d.source}`);
  const terminals = lp.pads.filter((pad) => pad.kind === 'terminal');
  const areaRatio = contactAreaRatio(lp, series);
  const tx = Math.max(...terminals.map((t) => t.xMm));
  const ty = Math.max(...terminals.map((t) => t.yMm));
  const worst = (...names: (keyof typeof p)[]): ParamProvenance => {
    const order: ParamProvenance[] = ['override', 'assumed', 'reference', 'derived', 'catalog'];
    return order.find((o) => names.some((nm) => p[nm].provenance === o)) ?? 'catalog';
  };
  return [
    { name: 'A  body length', value: f2(d.dimensionsMm.A), provenance: dimProv, source: dimSource('A') },
    {
      name: 'B  first to last contact (centres)',
      value: f2(d.dimensionsMm.B),
      provenance: dimProv,
      source: `${dimSource('B')}; reference: B = 0.4 × (pins/2 − 1), the first to the last contact centre of a row`,
    },
    {
      name: 'C  soldering terminals',
      value: f2(d.dimensionsMm.C),
      provenance: dimProv,
      source: `${dimSource('C')}; reference: what C measures is not stated in the catalog text, consistent with the soldering-terminal pad centres`,
    },
    { name: 'Body width', value: f2(lp.body.widthMm), provenance: p.bodyWidthMm.provenance, source: p.bodyWidthMm.source },
    { name: 'Body height', value: f2(lp.body.heightMm), provenance: p.bodyHeightMm.provenance, source: p.bodyHeightMm.source },
    { name: 'Contact pitch', value: f2(lp.pitchMm), provenance: 'catalog', source: `catalog: ${series.catalog.series.source}` },
    {
      name: 'Signal pad (x × y)',
      value: `${f2(p.signalPadWidthMm.valueMm)} × ${f2(p.signalPadLengthMm.valueMm)}`,
      provenance: worst('signalPadWidthMm', 'signalPadLengthMm'),
      source: p.signalPadLengthMm.source,
    },
    {
      name: 'Signal rows (centres)',
      value: `y ±${f2(p.signalRowOffsetMm.valueMm)}`,
      provenance: p.signalRowOffsetMm.provenance,
      source: p.signalRowOffsetMm.source,
    },
    {
      name: 'Terminal pad (x × y)',
      value: `${f2(p.terminalPadWidthMm.valueMm)} × ${f2(p.terminalPadLengthMm.valueMm)}`,
      provenance: worst('terminalPadWidthMm', 'terminalPadLengthMm'),
      source: p.terminalPadLengthMm.source,
    },
    {
      name: 'Terminal pad centres',
      value: `x ±${f2(tx)}, y ${ty === 0 ? '0' : `±${f2(ty)}`}`,
      provenance: worst('terminalOffsetFromCHalfMm', 'terminalRowOffsetMm'),
      source: `${p.terminalOffsetFromCHalfMm.source}; ${p.terminalRowOffsetMm.source}`,
    },
    { name: 'Solder-mask expansion', value: f2(p.maskExpansionMm.valueMm), provenance: p.maskExpansionMm.provenance, source: p.maskExpansionMm.source },
    {
      name: 'Paste openings (signal / terminal)',
      // With the contact openings' IPC-7525 area ratio (the verifier and the README say the same figure, with
      // the IPC citation): in this row and its note, because the 1.0 mm header's page has no room for another.
      value: `${Math.round(p.signalPasteRatio.valueMm * 100)} % / ${Math.round(p.terminalPasteRatio.valueMm * 100)} % (area ratio ${areaRatio.value})`,
      provenance: worst('signalPasteRatio', 'terminalPasteRatio'),
      source: p.signalPasteRatio.source,
    },
    {
      name: 'Courtyard clearance',
      value: f2(p.courtyardClearanceMm.valueMm),
      provenance: p.courtyardClearanceMm.provenance,
      source: p.courtyardClearanceMm.source,
    },
  ];
}

/**
 * Source notes without repetition: a source such as "reference: <document>.md: rows at y = ±1.2 mm"
 * becomes one note per document, listing the details cited from it; a source of several parts
 * ("catalog: …; reference: …") cites each part.
 */
export class SourceNotes {
  private readonly notes = new Map<string, string[]>();

  cite(source: string): number[] {
    const refs = source.split(/; (?=(?:catalog|reference|assumed|derived)\b)/).map((segment) => {
      const [base, detail] = splitSource(segment);
      let details = this.notes.get(base);
      if (!details) {
        details = [];
        this.notes.set(base, details);
      }
      if (detail && !details.includes(detail)) details.push(detail);
      return [...this.notes.keys()].indexOf(base) + 1;
    });
    return [...new Set(refs)];
  }

  lines(): string[] {
    return [...this.notes].map(([base, details]) => (details.length ? `${base}: ${details.join('; ')}` : base));
  }
}

/** "<document>.md<anything>: detail" → [document part, detail]; anything else is its own note. */
function splitSource(segment: string): [string, string | null] {
  const md = segment.indexOf('.md');
  const colon = md >= 0 ? segment.indexOf(': ', md) : -1;
  return colon >= 0 ? [segment.slice(0, colon), segment.slice(colon + 2)] : [segment, null];
}

/** The table of numbers at `yMm`, their sources as numbered notes below it; returns the SVG and where the next block may start. */
export function numbersTable(rows: readonly DrawingNumber[], yMm: number): { svg: string[]; nextYMm: number } {
  const M = PAGE.marginMm;
  const W = PAGE.widthMm;
  const out: string[] = [];
  let y = yMm;
  const notes = new SourceNotes();
  out.push('<g id="numbers">');
  const cols = [M, M + 66, M + 112, M + 138];
  for (const [i, h] of ['Numbers used (mm)', 'value', 'provenance', 'source note'].entries())
    out.push(text(cols[i]!, y, h, { size: i ? TEXT_MM.small : TEXT_MM.normal, weight: 'bold' }));
  out.push(line(M, y + 1, W - M, y + 1, '#000', LINE_MM.thin));
  y += 4.5;
  for (const row of rows) {
    const colour = PROVENANCE_COLOURS[row.provenance];
    out.push(text(cols[0]!, y, row.name, { size: TEXT_MM.small }));
    out.push(text(cols[1]!, y, row.value, { size: TEXT_MM.small, fill: colour, weight: 'bold' }));
    out.push(text(cols[2]!, y, row.provenance, { size: TEXT_MM.small, fill: colour }));
    out.push(
      text(
        cols[3]!,
        y,
        notes
          .cite(row.source)
          .map((k) => `[${k}]`)
          .join(' '),
        { size: TEXT_MM.small },
      ),
    );
    y += 3.4;
  }
  y += 2;
  for (const [i, note] of notes.lines().entries()) {
    for (const [k, l] of wrap(`[${i + 1}] ${note}`, 138).entries()) {
      out.push(text(M + (k ? 5 : 0), y, l, { size: TEXT_MM.small }));
      y += 3.0;
    }
  }
  out.push('</g>');
  return { svg: out, nextYMm: y + 4 };
}

/** The numbered checks before fabrication at `yMm`; returns the SVG and where the next block may start. */
export function fabricationChecks(checks: readonly string[], yMm: number): { svg: string[]; nextYMm: number } {
  const M = PAGE.marginMm;
  const out: string[] = [];
  let y = yMm;
  out.push('<g id="checks">');
  out.push(text(M, y, 'Check before fabrication', { size: TEXT_MM.normal, weight: 'bold', fill: '#b00000' }));
  y += 5;
  for (const [i, c] of checks.entries()) {
    for (const [k, l] of wrap(`${i + 1}. ${c}`, 138).entries()) {
      out.push(text(M + (k ? 4 : 0), y, l, { size: TEXT_MM.small }));
      y += 3.0;
    }
  }
  out.push('</g>');
  return { svg: out, nextYMm: y + 4 };
}
