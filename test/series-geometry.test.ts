import { describe, expect, it } from 'vitest';
import { builtInSeries, createSeries } from '../src/catalog/index.js';
import { parseCatalog } from '../src/catalog/validate.js';
import { eagleLibrary, easyedaLibraryFiles, easyedaLibraryFile, eagleLibraryName, circuitJsonPart } from '../src/formats/index.js';
import { familiesOf, familyLandPattern, footprintName, landPattern, libraryNames, symbolName, UNSTATED_HEADER_HEIGHT_MM } from '../src/geometry/index.js';
import { footprintFile, kicadLibraryFiles, kicadPcmPackage, libraryPaths, pcmNames, symbolLibraryFile } from '../src/kicad/index.js';
import { landPatternModel, matedPairStep, stepModel } from '../src/model3d/index.js';
import { checkPartNumber } from '../src/partnumber/index.js';

/**
 * A made-up second edition: the built-in catalog with every part number's prefix AXE → ZQX and the
 * series name A4S → Q9T (in the grammar, the tables, the inspection patterns and every source text),
 * validated as any edition is. Its footprints, symbols, 3D models and library files must name its
 * own parts and never the built-in ones, and draw the very same pads (metamorphic: mapping the
 * names back gives the built-in files byte for byte).
 */
function renamed(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('AXE', 'ZQX').replaceAll('A4S', 'Q9T');
  if (Array.isArray(value)) return value.map(renamed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [renamed(k), renamed(v)]));
  return value;
}
const q9t = createSeries(parseCatalog(renamed(structuredClone(builtInSeries.catalog)), 'made-up Q9T edition'));

/** Q9T output with its names mapped back to the built-in ones (the PCM identifier writes the name in lower case). */
const mappedBack = (text: string) => text.replaceAll('ZQX', 'AXE').replaceAll('Q9T', 'A4S').replaceAll('q9t', 'a4s');

/**
 * Mentions of the built-in series that stay right in another edition's files: the program's own
 * name, and the public evidence the pads come from (a footprint of the A4S socket AXE540127, two of
 * the header AXE610124, data/source/A4S-reference.md): the citations are about those parts.
 */
const ALLOWED = [/\ba4s[ _-]toolkit\b/gi, /data\/source\/A4S-reference\.md/g, /socket AXE540127 \(Inkplate/g, /AXE610124[,]? \(?nqbit/g];
function builtInNames(text: string): string[] {
  let rest = text;
  for (const re of ALLOWED) rest = rest.replace(re, '');
  return [...rest.matchAll(/AXE\w*|A4S\w*/g)].map((m) => m[0]).slice(0, 5);
}

const asText = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder().decode(content));

describe('a made-up edition (prefix ZQX, series Q9T) through geometry, model3d, kicad and formats', () => {
  it('is a valid edition with its own part numbers', () => {
    expect(q9t.name).toBe('Q9T');
    expect(q9t.parts.length).toBe(builtInSeries.parts.length);
    expect(q9t.parts.every((p) => p.partNumber.startsWith('ZQX'))).toBe(true);
  });

  it('names its families, footprints, symbols and libraries after itself', () => {
    const families = familiesOf(q9t);
    expect(families).toHaveLength(familiesOf(builtInSeries).length);
    expect(footprintName('header', 40, 1.0, q9t)).toBe('Panasonic_Q9T_ZQX640224_2x20_P0.4mm_Header_Rev2');
    expect(symbolName('socket', 40, null, q9t)).toBe('Q9T_Socket_2x20');
    expect(symbolName('header', 40, null, q9t)).toBe(`Q9T_Header_2x20_H${UNSTATED_HEADER_HEIGHT_MM.toFixed(1)}mm`);
    expect(libraryNames(q9t).footprintLibrary).toBe('Panasonic_Q9T');
    expect(libraryPaths(q9t).prettyDir).toBe('Panasonic_Q9T.pretty');
    expect(pcmNames(q9t)).toEqual({
      identifier: 'org.a4s-toolkit.panasonic-q9t',
      libraryNickname: 'PCM_Panasonic_Q9T',
      zipName: 'Panasonic_Q9T_KiCad_PCM.zip',
    });
    expect(eagleLibraryName(q9t)).toBe('Panasonic_Q9T');
    expect(easyedaLibraryFile(q9t)).toBe('Panasonic_Q9T.elibz');
    for (const f of families) {
      const text = JSON.stringify(f);
      expect(builtInNames(text), f.footprintName).toEqual([]);
      expect(f.partNumbers.length).toBeGreaterThan(0);
      expect(
        f.partnerPartNumbers.every((pn) => pn.startsWith('ZQX')),
        f.footprintName,
      ).toBe(true);
    }
    // The built-in edition's names are untouched (the second edition has its own memo).
    expect(familiesOf(builtInSeries)[0]!.footprintName).toMatch(/^Panasonic_A4S_AXE5/);
  });

  it('draws the same pads, courtyard and body as the built-in edition, family by family', () => {
    const ours = familiesOf(q9t);
    const builtIn = familiesOf(builtInSeries);
    ours.forEach((family, i) => {
      const a = familyLandPattern(family, {}, q9t);
      const b = familyLandPattern(builtIn[i]!, {}, builtInSeries);
      expect({ pads: a.pads, courtyard: a.courtyard, body: a.body.heightMm, silk: a.silkscreen }).toEqual({
        pads: b.pads,
        courtyard: b.courtyard,
        body: b.body.heightMm,
        silk: b.silkscreen,
      });
    });
    // A pin count off the tables: derived dimensions from the edition's own tables.
    expect(landPattern('socket', 36, null, {}, q9t).pads).toEqual(landPattern('socket', 36, null).pads);
  });

  it('writes a KiCad library naming only its own parts, the built-in library once its names are mapped back', () => {
    const ours = kicadLibraryFiles({ models: false }, q9t);
    const builtIn = kicadLibraryFiles({ models: false });
    expect(ours.map((f) => mappedBack(f.path))).toEqual(builtIn.map((f) => f.path));
    expect(ours.some((f) => f.path.startsWith('Panasonic_Q9T.pretty/Panasonic_Q9T_ZQX5'))).toBe(true);
    ours.forEach((file, i) => {
      const text = asText(file.content);
      expect(builtInNames(`${file.path}\n${text}`), file.path).toEqual([]);
      expect(mappedBack(text), file.path).toBe(asText(builtIn[i]!.content));
    });
  });

  it('writes 3D models named after its footprints, with the same solids', () => {
    const family = familiesOf(q9t).find((f) => f.role === 'socket' && f.pins === 40)!;
    const ours = landPatternModel(familyLandPattern(family, {}, q9t), q9t);
    const builtIn = landPatternModel(familyLandPattern(familiesOf().find((f) => f.role === 'socket' && f.pins === 40)!));
    if (!ours.ok || !builtIn.ok) throw new Error('model failed');
    const step = ours.value.step();
    expect(step.fileName).toBe('Panasonic_Q9T_ZQX540127_2x20_P0.4mm_Socket.step');
    expect(builtInNames(step.content)).toEqual([]);
    expect(mappedBack(step.content)).toBe(builtIn.value.step().content);
  });

  it('writes the PCM package with its identifier and nickname', () => {
    const pkg = kicadPcmPackage({}, q9t);
    if (!pkg.ok) throw new Error(pkg.error.message);
    const metadata = pkg.value.find((t) => t.path === 'metadata.json')!;
    const symbols = pkg.value.find((t) => t.path.endsWith('.kicad_sym'))!;
    expect(symbols.path).toBe('symbols/Panasonic_Q9T.kicad_sym');
    for (const task of [metadata, symbols]) {
      const text = asText(task.build());
      expect(builtInNames(text), task.path).toEqual([]);
      expect(text).toContain(task === metadata ? 'org.a4s-toolkit.panasonic-q9t' : '"PCM_Panasonic_Q9T:Panasonic_Q9T_ZQX');
    }
    expect(pkg.value.every((t) => builtInNames(t.path).length === 0)).toBe(true);
  });

  it('writes the Eagle and EasyEDA libraries naming only its own parts, with the same pads', () => {
    const eagle = eagleLibrary(undefined, q9t);
    expect(builtInNames(eagle)).toEqual([]);
    expect(mappedBack(eagle)).toBe(eagleLibrary());
    const ours = easyedaLibraryFiles(undefined, q9t);
    const builtIn = easyedaLibraryFiles();
    // Documents are keyed by ids hashed from the names: the same once the ids are masked.
    const masked = (text: string) => text.replace(/[0-9a-f]{32}/g, '<id>');
    ours.forEach((file, i) => {
      expect(builtInNames(file.content), file.path).toEqual([]);
      expect(masked(mappedBack(file.content)), file.path).toBe(masked(builtIn[i]!.content));
    });
  });
});

// Part numbers typed by a user reach these writers through the part-number parser, which reads the
// series' grammar only once branch `grammar` is merged (issue 22): until then ZQX… is not
// recognised, and these tests are skipped (visibly). After the merge they must run and pass.
const grammarReadsSeries = checkPartNumber('ZQX540127', q9t).status === 'standard';
describe.skipIf(!grammarReadsSeries)('part-number writers of the made-up edition (needs the grammar branch)', () => {
  it('footprint, symbol, STEP, mated pair and circuit-json of ZQX part numbers', () => {
    const fp = footprintFile('ZQX540127', {}, q9t);
    const sym = symbolLibraryFile('ZQX640224', q9t);
    const step = stepModel('ZQX5E4026', {}, q9t);
    const pair = matedPairStep('ZQX540127', 'ZQX640224', {}, q9t);
    const cj = circuitJsonPart('ZQX640124D', {}, q9t);
    if (!fp.ok || !sym.ok || !step.ok || !pair.ok || !cj.ok) throw new Error('a writer refused a ZQX part number');
    expect(fp.value.fileName).toBe('Panasonic_Q9T_ZQX540127_2x20_P0.4mm_Socket.kicad_mod');
    expect(sym.value.fileName).toBe('Panasonic_Q9T_ZQX640224.kicad_sym');
    expect(pair.value.fileName).toBe('Panasonic_Q9T_ZQX540127_ZQX640224_Mated_H1.0mm.step');
    for (const text of [fp.value.content, sym.value.content, step.value.content, pair.value.content, JSON.stringify(cj.value.elements)])
      expect(builtInNames(text)).toEqual([]);
    expect(mappedBack(fp.value.content)).toBe((footprintFile('AXE540127') as { value: { content: string } }).value.content);
  });
});
