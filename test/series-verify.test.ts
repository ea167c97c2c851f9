import { describe, expect, it } from 'vitest';
import { builtInSeries, createSeries, type Catalog, type Series } from '../src/catalog/index.js';
import { parseCatalog } from '../src/catalog/validate.js';
import { footprintFile } from '../src/kicad/index.js';
import { renderFootprintPairReport, renderFootprintReport, verifyFootprint, verifyFootprintPair, type FootprintReport } from '../src/verify/index.js';

/**
 * The footprint verifier under a second edition (issue 22 item 1): a made-up series Q9T whose part
 * numbers start with ZQX, built from the real catalog (same tables and dimensions, other prefix and
 * name). Verifying that edition's footprint must name ITS parts and give the verdict the built-in
 * catalog gives the same footprint (metamorphic: the report is the built-in one with the names
 * swapped); a footprint named with the built-in edition's numbers is not taken as a Q9T part.
 */

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

/** A deep copy of the built-in catalog with another prefix and series name, checked by the build-time validator. */
function q9tSeries(): Series {
  const edited = structuredClone(builtInSeries.catalog) as Mutable<Catalog>;
  edited.series.name = 'Q9T';
  edited.partNumberGrammar.form.prefix = 'ZQX';
  for (const table of edited.productTypes)
    for (const row of table.rows) {
      row.socket = row.socket.replace(/^AXE/, 'ZQX');
      row.header = row.header.replace(/^AXE/, 'ZQX');
    }
  edited.inspection.socketPattern = edited.inspection.socketPattern.replace(/^AXE/, 'ZQX');
  edited.inspection.headerPattern = edited.inspection.headerPattern.replace(/^AXE/, 'ZQX');
  return createSeries(parseCatalog(edited, 'the Q9T test edition'));
}

const q9t = q9tSeries();

/** The built-in edition's names written as Q9T's: what the metamorphic relation maps. */
const toQ9t = (text: string) => text.replaceAll('AXE', 'ZQX').replaceAll('A4S', 'Q9T');

/** Our generated footprint of a built-in part, and the same footprint as the Q9T edition's generator would name it. */
function footprints(pn: string): { builtIn: string; q9t: string } {
  const f = footprintFile(pn);
  if (!f.ok) throw new Error(`no footprint for ${pn}`);
  return { builtIn: f.value.content, q9t: toQ9t(f.value.content) };
}

function report(text: string, series: Series, part?: string): FootprintReport {
  const r = verifyFootprint(text, part === undefined ? {} : { part }, series);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** What decides a verdict, without the words: codes, severities, pads, the layer verdicts. */
const verdictOf = (r: FootprintReport) => ({
  findings: r.findings.map((f) => [f.code, f.severity, f.pads.join(',')]),
  summary: r.summary,
  verdicts: r.verdicts,
  matches: r.matches,
  role: r.part.role,
  pins: r.part.pins,
  status: r.part.status,
  identifiedBy: r.part.identifiedBy,
});

/** Mirror image about the rows' axis (y → −y): the odd row changes sides, pin 1 stays at the left end. */
const mirrored = (text: string) =>
  text.replace(/\((at|start|end|mid|center|xy) (-?[\d.]+) (-?[\d.]+)/g, (_, h: string, x: string, y: string) => `(${h} ${x} ${String(-Number(y) + 0)}`);

describe('footprint verifier under a second edition (Q9T, prefix ZQX)', () => {
  it('the test edition is a valid catalog whose parts are ZQX numbers (the premise of the tests below)', () => {
    expect(q9t.name).toBe('Q9T');
    expect(q9t.parts.length).toBe(builtInSeries.parts.length);
    expect(q9t.parts.every((p) => p.partNumber.startsWith('ZQX'))).toBe(true);
    expect(q9t.partIndex.has('ZQX540127')).toBe(true);
    expect(q9t.partIndex.has('AXE540127')).toBe(false);
  });

  // Sockets and headers at each mated height, smallest and largest pin counts (one footprint a family: its name is that part's).
  const parts = ['AXE540127', 'AXE510127', 'AXE610124', 'AXE680224'];
  for (const pn of parts) {
    it(`our footprint of ${toQ9t(pn)} verifies as ${toQ9t(pn)} with the verdict ${pn} gets under the built-in catalog`, () => {
      const fp = footprints(pn);
      const ours = report(fp.builtIn, builtInSeries);
      const theirs = report(fp.q9t, q9t);
      expect(theirs.part.partNumber).toBe(toQ9t(pn));
      expect(theirs.part.identifiedBy).toBe('footprint name');
      expect(verdictOf(theirs)).toEqual(verdictOf(ours));
      expect(ours.matches).toBe(true);
      const text = renderFootprintReport(theirs, q9t);
      expect(text).toBe(toQ9t(renderFootprintReport(ours)));
      expect(text).not.toMatch(/AXE|A4S/);
      expect(text).toContain(`matches the Q9T ${theirs.part.role} pattern`);
    });
  }

  // A 4 mm tape part and an inspection part, named with --part: the same footprint, the same verdict.
  for (const [pn, family] of [
    ['AXE520127D', 'AXE520127'],
    ['AXE6E3026', 'AXE630124'],
  ] as const) {
    it(`--part ${toQ9t(pn)} on our footprint of ${toQ9t(family)}: compared with ${toQ9t(pn)}, the verdict of ${pn}`, () => {
      const fp = footprints(family);
      const ours = report(fp.builtIn, builtInSeries, pn);
      const theirs = report(fp.q9t, q9t, toQ9t(pn));
      expect(theirs.part.partNumber).toBe(toQ9t(pn));
      expect(theirs.part.identifiedBy).toBe('option');
      expect(verdictOf(theirs)).toEqual(verdictOf(ours));
      expect(renderFootprintReport(theirs, q9t)).toBe(toQ9t(renderFootprintReport(ours)));
    });
  }

  it('a mirrored footprint: the same FP_CHIRALITY error, said of the Q9T part', () => {
    const fp = footprints('AXE540127');
    const ours = report(mirrored(fp.builtIn), builtInSeries);
    const theirs = report(mirrored(fp.q9t), q9t);
    expect(ours.findings.map((f) => f.code)).toContain('FP_CHIRALITY');
    expect(verdictOf(theirs)).toEqual(verdictOf(ours));
    const chirality = theirs.findings.find((f) => f.code === 'FP_CHIRALITY')!;
    expect(chirality.message).toContain('MIRROR IMAGE of the Q9T socket');
    const text = renderFootprintReport(theirs, q9t);
    expect(text).toBe(toQ9t(renderFootprintReport(ours)));
    expect(text).not.toMatch(/AXE|A4S/);
  });

  it('without a name, the part inferred from the pad count is a ZQX number', () => {
    const fp = footprints('AXE640124');
    const anonymous = (text: string) => text.replace(/Panasonic_[A-Z0-9]+_[A-Z0-9]+_2x20_P0\.4mm_Header/g, 'conn').replace(/\((descr|tags) "[^"]*"\)/g, '');
    const ours = report(anonymous(fp.builtIn), builtInSeries);
    const theirs = report(anonymous(fp.q9t), q9t);
    expect(ours.part.identifiedBy).toBe('pad count');
    expect(theirs.part.partNumber).toBe('ZQX640124');
    expect(verdictOf(theirs)).toEqual(verdictOf(ours));
    expect(renderFootprintReport(theirs, q9t)).toBe(toQ9t(renderFootprintReport(ours)));
  });

  it('a mating pair of the Q9T edition: pin n meets pin n, the report names only ZQX parts', () => {
    const socket = footprints('AXE540127').q9t;
    const header = footprints('AXE640124').q9t;
    const r = verifyFootprintPair({ text: socket }, { text: header }, q9t);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.matesPinToPin).toBe(true);
    expect(r.value.matches).toBe(true);
    expect([r.value.footprint.part.partNumber, r.value.mate.part.partNumber]).toEqual(['ZQX540127', 'ZQX640124']);
    expect(renderFootprintPairReport(r.value, q9t)).not.toMatch(/AXE|A4S/);
  });

  it('an AXE-named footprint under Q9T is not taken as a part: the AXE number in its name is not read', () => {
    const text = footprints('AXE540127').builtIn;
    const r = report(text, q9t);
    expect(r.part.partNumber).not.toMatch(/^AXE/);
    expect(r.part.identifiedBy).toBe('pad count');
    expect(r.findings.some((f) => f.code === 'FP_PART_INFERRED')).toBe(true);
    // Under the built-in catalog the same file is named by its footprint name.
    expect(report(text, builtInSeries).part.identifiedBy).toBe('footprint name');
  });

  it('--part with a built-in number under Q9T is refused, not compared', () => {
    const r = verifyFootprint(footprints('AXE540127').q9t, { part: 'AXE540127' }, q9t);
    expect(r.ok).toBe(false);
    const same = verifyFootprint(footprints('AXE540127').q9t, { part: 'ZQX540127' }, q9t);
    expect(same.ok && same.value.part.partNumber).toBe('ZQX540127');
  });

  it("an old socket number (the edition's renamed socket code): FP_PART_RENAMED names that edition and the series' numbers", () => {
    const fp = footprints('AXE534127');
    const renamed = (r: FootprintReport) => r.findings.find((f) => f.code === 'FP_PART_RENAMED')?.message;
    const ours = report(fp.builtIn, builtInSeries, 'AXE534124');
    expect(renamed(ours)).toContain(`the ${builtInSeries.grammar.renamedSocketCodes[0]!.edition} catalog edition`);
    const theirs = report(fp.q9t, q9t, 'ZQX534124');
    expect(theirs.part.partNumber).toBe('ZQX534127');
    expect(renamed(theirs)).toBe(toQ9t(renamed(ours)!));
    expect(verdictOf(theirs)).toEqual(verdictOf(ours));
  });

  it('a pad count that is no part: FOOTPRINT_PART_UNKNOWN names the series of the run', () => {
    const pads = [0, 1, 2].map((i) => `  (pad "${i + 1}" smd rect (at ${i * 0.4} 0) (size 0.23 0.8) (layers "F.Cu"))`).join('\n');
    const text = `(footprint "conn" (version 20211014) (generator test)\n  (layer "F.Cu")\n${pads}\n)\n`;
    const theirs = verifyFootprint(text, {}, q9t);
    const ours = verifyFootprint(text, {}, builtInSeries);
    expect(!theirs.ok && theirs.error.code).toBe('FOOTPRINT_PART_UNKNOWN');
    expect(!ours.ok && ours.error.code).toBe('FOOTPRINT_PART_UNKNOWN');
    if (theirs.ok || ours.ok) return;
    expect(theirs.error.message).toBe(toQ9t(ours.error.message));
    expect(theirs.error.message).toContain('No Q9T part number');
  });
});
