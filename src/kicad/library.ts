import {
  FOOTPRINT_LIBRARY,
  LAND_PARAM_NAMES,
  landPatternProblems,
  MODEL_DIR_VARIABLE,
  rectBox,
  SOLDER_MASK_DESIGN,
  SYMBOL_LIBRARY,
  type LandPattern,
} from '../geometry/index.js';
import { error } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import { familyFootprintText, familyLandPattern, familyModelLandPattern, symbolLibrary, type LibraryPatternOptions } from './files.js';
import { footprintFamilies, type FamilyModel, type FootprintFamily } from './families.js';
import { parseRoleOverrides } from './overrides.js';
import { overridesFor } from '../geometry/index.js';
import { FOOTPRINT_FORMAT_VERSION } from './footprint.js';
import { defaultModelSource, type ModelFile, type ModelFiles, type ModelSource } from './models.js';
import { formatNumber, list, str, writeSexpr } from './sexpr.js';
import { SYMBOL_FORMAT_VERSION } from './symbol.js';

export const PRETTY_DIR = `${FOOTPRINT_LIBRARY}.pretty`;
export const SYMBOL_FILE = `${SYMBOL_LIBRARY}.kicad_sym`;
export const MODELS_DIR = `${FOOTPRINT_LIBRARY}.3dshapes`;
/** Custom design rules for a board using the library (KiCad 7+: Board Setup → Custom Rules, or `<board>.kicad_dru`). */
export const DRU_FILE = `${FOOTPRINT_LIBRARY}.kicad_dru`;
/** Where the tables point by default: the library written at the root of the KiCad project. */
export const DEFAULT_BASE_URI = '${KIPRJMOD}';

export interface LibraryFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** One file of the library, not built yet: the CLI builds and writes them one by one (progress bar). */
export interface LibraryTask {
  readonly path: string;
  build(): string | Uint8Array;
}

export interface LibraryOptions {
  /** Folder the tables point to (KiCad path syntax); default `${KIPRJMOD}`. */
  readonly baseUri?: string;
  /** 3D models; default src/model3d when present, null for none. */
  readonly models?: ModelSource | null;
  /**
   * Land-pattern parameters from the manufacturer's drawing (raw JSON or YAML value, validated
   * here): flat for every footprint, or `{ socket: {...}, header: {...} }`. They change the
   * footprints, the 3D models and the README, each showing provenance "override".
   */
  readonly overrides?: unknown;
  /** Where the overrides came from, written as their provenance (e.g. "override: user file x.yaml"). */
  readonly overrideOrigin?: string;
}

const DESCRIPTION = 'Panasonic A4S 0.4 mm pitch board-to-FPC connectors (a4s toolkit)';

/** A library-table file holding our one library: copy it into a project, or merge its `lib` line. */
function libTable(kind: 'fp_lib_table' | 'sym_lib_table', uri: string): string {
  return `${writeSexpr(list(kind, list('lib', list('name', str(kind === 'fp_lib_table' ? FOOTPRINT_LIBRARY : SYMBOL_LIBRARY)), list('type', str('KiCad')), list('uri', str(uri)), list('options', str('')), list('descr', str(DESCRIPTION)))), new Set([kind]))}\n`;
}

export function fpLibTable(baseUri = DEFAULT_BASE_URI): string {
  return libTable('fp_lib_table', `${baseUri}/${PRETTY_DIR}`);
}

export function symLibTable(baseUri = DEFAULT_BASE_URI): string {
  return libTable('sym_lib_table', `${baseUri}/${SYMBOL_FILE}`);
}

/** How a build finds each family's and each model's land pattern, computed once per build. */
interface Patterns {
  family(f: FootprintFamily): LandPattern;
  model(f: FootprintFamily, m: FamilyModel): LandPattern;
}

function patternsOf(options: LibraryPatternOptions): Patterns {
  const families = new Map<FootprintFamily, LandPattern>();
  const models = new Map<FamilyModel, LandPattern>();
  return {
    family(f) {
      let lp = families.get(f);
      if (!lp) families.set(f, (lp = familyLandPattern(f, options)));
      return lp;
    },
    model(f, m) {
      let lp = models.get(m);
      if (!lp) models.set(m, (lp = familyModelLandPattern(f, m, options)));
      return lp;
    },
  };
}

/**
 * The STEP and the VRML file of each model. Both are written from one computation of the model's
 * shape (the first of the two tasks to run makes it, the second releases it); `ready` holds
 * models made in advance (to check them before anything is written).
 */
function modelTasks(source: ModelSource | null, patterns: Patterns, ready: ReadonlyMap<FamilyModel, ModelFiles>): LibraryTask[] {
  if (!source) return [];
  return footprintFamilies.flatMap((family) =>
    family.models.flatMap((m): LibraryTask[] => {
      let files: ModelFiles | null = ready.get(m) ?? null;
      let pending = 2;
      const build = (write: (f: ModelFiles) => ModelFile) => () => {
        if (!files) {
          const r = source.modelFiles(patterns.model(family, m));
          if (!r.ok) throw new Error(`3D model ${m.name} failed: ${r.error.code} ${r.error.message}`);
          files = r.value;
        }
        const content = write(files).content;
        if (--pending === 0) files = null;
        return content;
      };
      return [
        { path: `${MODELS_DIR}/${m.name}.step`, build: build((f) => f.step()) },
        { path: `${MODELS_DIR}/${m.name}.wrl`, build: build((f) => f.vrml()) },
      ];
    }),
  );
}

/**
 * Overridden land patterns are checked before anything is built: copper that overlaps (src/geometry)
 * and 3D shapes that cannot be drawn (src/model3d) are errors naming the footprint or model.
 */
function checkOverridden(source: ModelSource | null, patterns: Patterns, options: LibraryPatternOptions): Result<Map<FamilyModel, ModelFiles>> {
  const ready = new Map<FamilyModel, ModelFiles>();
  for (const family of footprintFamilies) {
    if (!overridesFor(options.overrides, family.role)) continue;
    const problems = landPatternProblems(patterns.family(family));
    if (problems.length > 0) {
      return fail(
        error(
          'LAND_PATTERN_INVALID',
          `With these overrides, ${family.footprintName}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}.`,
        ),
      );
    }
    if (!source) continue;
    for (const m of family.models) {
      const r = source.modelFiles(patterns.model(family, m));
      if (!r.ok) return r;
      ready.set(m, r.value);
    }
  }
  return ok(ready);
}

/**
 * Every file of the library, sorted by path (code-unit order, independent of the locale), not
 * built yet; fails on bad overrides (KICAD_BAD_OVERRIDES, LAND_PATTERN_INVALID, MODEL_SHAPE_INVALID).
 */
export function kicadLibrary(options: LibraryOptions = {}): Result<LibraryTask[]> {
  const baseUri = options.baseUri ?? DEFAULT_BASE_URI;
  const models = options.models === undefined ? defaultModelSource : options.models;
  const overrides = parseRoleOverrides(options.overrides);
  if (!overrides.ok) return overrides;
  const patternOptions: LibraryPatternOptions = {
    overrides: overrides.value,
    ...(options.overrideOrigin !== undefined ? { overrideOrigin: options.overrideOrigin } : {}),
  };
  const patterns = patternsOf(patternOptions);
  const ready = checkOverridden(models, patterns, patternOptions);
  if (!ready.ok) return ready;
  const tasks: LibraryTask[] = [
    ...footprintFamilies.map(
      (f): LibraryTask => ({ path: `${PRETTY_DIR}/${f.footprintName}.kicad_mod`, build: () => familyFootprintText(f, patterns.family(f)) }),
    ),
    { path: SYMBOL_FILE, build: symbolLibrary },
    ...modelTasks(models, patterns, ready.value),
    { path: DRU_FILE, build: () => designRules(footprintFamilies.map((f) => patterns.family(f))) },
    { path: 'fp-lib-table', build: () => fpLibTable(baseUri) },
    { path: 'sym-lib-table', build: () => symLibTable(baseUri) },
    { path: 'README.md', build: () => readmeText(models !== null, baseUri, patterns.family, patternOptions) },
  ];
  return ok(tasks.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
}

/** `kicadLibrary` for options that cannot fail (no overrides, or overrides already checked); throws otherwise. */
export function kicadLibraryTasks(options: LibraryOptions = {}): LibraryTask[] {
  const r = kicadLibrary(options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The 3D model files the footprints link (`${MODELS_DIR}/<name>.step`), whether or not the build writes them. */
export function linkedModelFiles(): string[] {
  return footprintFamilies.flatMap((f) => f.models.map((m) => `${MODELS_DIR}/${m.name}.step`));
}

/** The complete KiCad library as files (pure: the caller writes them). */
export function kicadLibraryFiles(options: LibraryOptions = {}): LibraryFile[] {
  return kicadLibraryTasks(options).map((t) => ({ path: t.path, content: t.build() }));
}

/** The smallest copper gap between two pads of one footprint, over the given land patterns (mm). */
export function smallestPadGapMm(patterns: readonly LandPattern[]): number {
  let best = Infinity;
  for (const lp of patterns) {
    // Sorted by left edge: once a pad starts `best` or more to the right of pad i's right edge, no
    // later pad can be nearer to it (the gap is at least the x gap), so the scan stops there.
    const boxes = lp.pads.map((p) => rectBox(p)).sort((a, b) => a.minXMm - b.minXMm);
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j]!;
        if (b.minXMm - a.maxXMm >= best) break;
        const gap = Math.max(a.minXMm - b.maxXMm, b.minXMm - a.maxXMm, a.minYMm - b.maxYMm, b.minYMm - a.maxYMm);
        if (gap > 0 && gap < best) best = gap;
      }
    }
  }
  return Math.round(best * 1e4) / 1e4;
}

/**
 * `Panasonic_A4S.kicad_dru`: lowers the pad-to-pad clearance between two pads of one of our
 * footprints only (KiCad's default netclass asks 0.2 mm; neighbouring contacts are 0.4 mm pitch
 * less the pad width apart). Everything else keeps the board's own clearance.
 */
export function designRules(patterns: readonly LandPattern[]): string {
  const gap = smallestPadGapMm(patterns);
  const min = Math.floor(gap * 20 + 1e-9) / 20;
  return [
    '(version 1)',
    `# ${DRU_FILE}: custom design rules for boards using the ${FOOTPRINT_LIBRARY} library (a4s toolkit).`,
    `# The contacts sit ${formatNumber(gap)} mm apart (derived: 0.4 mm pitch, catalog, less the pad width); KiCad's default`,
    `# netclass asks 0.2 mm. This rule allows ${formatNumber(min)} mm (the gap rounded down to 0.05 mm) between two pads of`,
    "# the same A4S footprint only; tracks, vias, zones and other footprints keep the board's clearance.",
    '# Add it in Board Setup -> Design Rules -> Custom Rules, or copy it next to the board as <board name>.kicad_dru.',
    `(rule "Panasonic A4S: pads of one connector"`,
    `  (constraint clearance (min ${formatNumber(min)}mm))`,
    `  (condition "A.Type == 'Pad' && B.Type == 'Pad' && A.Parent == B.Parent && A.memberOfFootprint('${FOOTPRINT_LIBRARY}:*')"))`,
    '',
  ].join('\n');
}

function cellText(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function paramTable(lp: LandPattern): string[] {
  return [
    '| parameter | value | provenance | source |',
    '|---|---|---|---|',
    ...LAND_PARAM_NAMES.map((n) => {
      const p = lp.params[n];
      return `| ${n} | ${formatNumber(p.valueMm)}${n.endsWith('Ratio') ? '' : ' mm'} | ${p.provenance} | ${cellText(p.source)} |`;
    }),
  ];
}

function familyRow(f: FootprintFamily, lp: LandPattern): string {
  const { A, B, C } = lp.dimensions.dimensionsMm;
  const terminals = lp.pads.filter((p) => p.number === 'MP');
  const t = terminals[terminals.length - 1]!;
  return `| ${f.footprintName} | ${f.partNumbers.join(', ')} | ${f.matedHeightsMm.map((h) => h.toFixed(1)).join(', ') || '—'} | ${formatNumber(A)} / ${formatNumber(B)} / ${formatNumber(C)} (${lp.dimensions.provenance}) | ±${formatNumber(t.xMm)} | ${f.models.map((m) => m.name).join(', ')} |`;
}

/** The library's README: what is in it, how to install it, where every number came from, what to check. */
export function libraryReadme(withModels: boolean, baseUri = DEFAULT_BASE_URI, options: LibraryPatternOptions = {}): string {
  return readmeText(withModels, baseUri, (f) => familyLandPattern(f, options), options);
}

/** Where the user's overrides apply, for the README (nothing without overrides). */
function overrideLines(options: LibraryPatternOptions): string[] {
  const roles = (['socket', 'header'] as const).filter((role) => overridesFor(options.overrides, role));
  if (roles.length === 0) return [];
  const text = (role: 'socket' | 'header') =>
    Object.entries(overridesFor(options.overrides, role)!)
      .map(([name, value]) => `${name} = ${formatNumber(value as number)}${name.endsWith('Ratio') ? '' : ' mm'}`)
      .join(', ');
  return [
    '**Overridden land patterns.** This build applies land-pattern parameters given by the user',
    `(${options.overrideOrigin ?? 'override'}); they show as provenance \`override\` below, in each footprint and in the 3D models:`,
    '',
    ...roles.map((role) => `- ${role === 'socket' ? 'Sockets' : 'Headers'}: ${text(role)}.`),
    '',
  ];
}

function readmeText(withModels: boolean, baseUri: string, lpOf: (f: FootprintFamily) => LandPattern, options: LibraryPatternOptions): string {
  const socket = footprintFamilies.find((f) => f.role === 'socket')!;
  const header = footprintFamilies.find((f) => f.role === 'header')!;
  const socketLp = lpOf(socket);
  const headerLp = lpOf(header);
  const lines = [
    `# ${FOOTPRINT_LIBRARY}: KiCad library of the Panasonic A4S connectors`,
    '',
    'Generated by the a4s toolkit from the Panasonic A4S catalog (0.4 mm pitch board-to-FPC connectors).',
    'Re-running the generator gives byte-identical files.',
    '',
    "**These land patterns are not the manufacturer's drawing.** The catalog text lost its recommended PC board",
    'and metal-mask figures. Read "Check before fabrication" below before ordering boards.',
    '',
    ...overrideLines(options),
    '## Contents',
    '',
    `- \`${PRETTY_DIR}/\`: ${footprintFamilies.length} footprints (format version ${FOOTPRINT_FORMAT_VERSION}, KiCad 8 and newer), one per part family:`,
    '  a socket per pin count, a header per pin count and mated height (AXE6nn124 = 0.8 mm, AXE6nn224 = 1.0 mm: same land',
    '  pattern, each its own 3D model). The tape packaging does not change the footprint; inspection parts (AXE5E**26,',
    '  AXE6E**26) use the standard one (an inspection header, whose height the catalog does not state, the 0.8 mm one).',
    `- \`${SYMBOL_FILE}\`: ${footprintFamilies.length} symbols (format version ${SYMBOL_FORMAT_VERSION}, KiCad 8 and newer), one per footprint, pins numbered as the footprint pads;`,
    '  the soldering terminals are the one pin `MP` (the catalog: the soldering terminals are connected electrically).',
    withModels
      ? `- \`${MODELS_DIR}/\`: STEP and VRML models (one per footprint, named as it); the footprints link the STEP file as \`${MODEL_DIR_VARIABLE}/<name>.step\`\n  (KiCad's 3D viewer, STEP export and renderer all read it); the VRML file is there for whoever wants it.`
      : `- **No 3D models in this build** (\`--no-models\`), yet the footprints still link them as \`${MODEL_DIR_VARIABLE}/<name>.step\`,\n  so that they are the same files as in a full build: KiCad's 3D viewer shows no body for them until\n  the models are there. Add them with \`a4s kicad-lib <this folder> --force\` (writes \`${MODELS_DIR}/\`), or one by one with\n  \`a4s model <part number> --format wrl\` and \`--format step\`.`,
    `- \`${DRU_FILE}\`: custom design rules (see "Design rules check" below).`,
    `- \`fp-lib-table\`, \`sym-lib-table\`: project library tables pointing to \`${baseUri}/\`.`,
    '',
    '## KiCad versions',
    '',
    `KiCad 8 and 9 (and later, which read KiCad 8 files). The files are written in KiCad 8's formats (footprints ${FOOTPRINT_FORMAT_VERSION},`,
    `symbols ${SYMBOL_FORMAT_VERSION}); KiCad 6 and 7 cannot read them (use an older a4s toolkit for those). Tested with KiCad 9.0.`,
    '',
    '## Install (KiCad 8 or 9)',
    '',
    `1. Put this folder's files at \`${baseUri}\` (by default the KiCad project folder), or merge the \`lib\` lines of`,
    '   `fp-lib-table` and `sym-lib-table` into your own tables (Preferences → Manage Footprint Libraries / Manage Symbol',
    '   Libraries → Add existing library, pointing at the `.pretty` folder and the `.kicad_sym` file).',
    `2. Define the path variable \`${MODEL_DIR_VARIABLE.slice(2, -1)}\` (Preferences → Configure Paths) as the absolute path of \`${MODELS_DIR}\`.`,
    `3. For the design rules check, add \`${DRU_FILE}\` to the board (next section).`,
    '',
    '## Design rules check',
    '',
    '- **Solder mask**: one opening per contact row, and the footprints allow solder-mask bridges between their own pads',
    "  (KiCad attribute `allow_soldermask_bridges`), so KiCad's default mask settings give no `solder_mask_bridge` error.",
    `  Provenance: ${SOLDER_MASK_DESIGN.provenance} — ${SOLDER_MASK_DESIGN.source}.`,
    `- **Clearance**: neighbouring contacts are ${formatNumber(smallestPadGapMm([socketLp, headerLp]))} mm apart, which a board clearance of 0.1 mm passes. KiCad's default`,
    `  netclass asks 0.2 mm: add \`${DRU_FILE}\` (Board Setup → Design Rules → Custom Rules: paste its rule; or copy it next to the`,
    '  board as `<board name>.kicad_dru`). It lowers the clearance between two pads of one A4S footprint only; tracks,',
    "  vias, zones and other footprints keep the board's clearance.",
    '- **Unconnected MP pads**: the soldering terminals are one pin `MP` (several pads on one net). DRC reports them as',
    "  unconnected until the board joins them with tracks or a zone: that is the board's job, not a footprint error.",
    '',
    '## KiCad Library Conventions',
    '',
    "Followed and tested (src/kicad/klc.test.ts; KiCad's kicad-library-utils checker agrees when run by hand): names",
    '(F2/F3), silkscreen 0.12 mm clear of the pads with a pin-1 mark (F5.1), fabrication outline 0.1 mm with a pin-1',
    'chamfer, `${REFERENCE}` and the value on F.Fab (F5.2, F5.4), one courtyard rectangle of 0.05 mm lines on a 0.01 mm',
    'grid around pads, body and every drawing (F5.3), SMD attribute and pads on F.Cu/F.Mask (F6.x), the datasheet URL in',
    'the description and no Datasheet field (F9.1), the STEP model named as the footprint, no offset or rotation (F9.3);',
    'symbols: a footprint field and an escaped footprint filter matching it (S5.1, S5.2), keywords without filler words.',
    '',
    'Not followed, and why:',
    '',
    '- F6.3 (rounded-rectangle pads): the pads are rectangles, as in the reference production footprint of the socket.',
    `- F9.3 (model path \`\${KICAD9_3DMODEL_DIR}/${MODELS_DIR}/\`): this library is not part of KiCad's, so the models`,
    `  are found through its own variable \`${MODEL_DIR_VARIABLE}\`, which names the \`${MODELS_DIR}\` folder itself.`,
    '- F6.x paste: stencil openings are separate unnumbered F.Paste pads, because the catalog asks for opening ratios below',
    "  100 % (a pad's own paste layer would open it fully).",
    '- Solder mask opened per contact row, with `allow_soldermask_bridges` (see "Design rules check"), not per pad.',
    '- Courtyard clearance 0.5 mm (connector), grown where needed to hold the pin-1 mark.',
    '- S3.1 (origin at the symbol centre): with an odd number of pins per row the pins stay on the 100 mil grid, so the',
    '  body is half a grid step off centre.',
    '- S6.2 (unexpected fields): the symbols carry `Manufacturer` and `MPN` fields, which a manufacturer library needs for',
    "  the bill of materials; the Datasheet field is Panasonic's web page (the catalog gives no document URL).",
    '',
    '## Footprints',
    '',
    'Pads "1"…"N" are the contacts (odd pins in one row, even pins in the other, pins 1 and 2 at the same end);',
    'pads "MP" are the soldering terminals. Copper pads are on F.Cu and F.Mask with their own solder-mask margin;',
    "the stencil openings are separate unnumbered pads on F.Paste, sized by the catalog's opening ratios.",
    'Origin at the body centre, x along the connector; socket pin 1 at (−B/2, +row), header pin 1 at (−B/2, −row)',
    '(the header is the mirror image, so that pin n meets pin n when the boards face each other).',
    'Each footprint holds its provenance table and these checks in its hidden properties `Provenance` and',
    '`Check before fabrication` (and in its description): nothing is drawn outside the courtyard but the reference and value.',
    '',
    '| footprint | part numbers | mated heights (mm) | A / B / C (mm) | terminal pad x (mm) | 3D models |',
    '|---|---|---|---|---|---|',
    ...footprintFamilies.map((f) => familyRow(f, lpOf(f))),
    '',
    '## Provenance of the land patterns',
    '',
    'catalog = the Panasonic A4S catalog text; derived = a formula of catalog values; reference = a public source',
    'outside the catalog (data/source/A4S-reference.md of the a4s toolkit); assumed = a stated engineering rule.',
    "The same parameters serve every pin count; the contacts follow the catalog's 0.4 mm pitch and span B,",
    "the soldering terminals follow the catalog's C.",
    '',
    '### Socket',
    '',
    ...paramTable(socketLp),
    '',
    '### Header',
    '',
    ...paramTable(headerLp),
    '',
    '## Check before fabrication',
    '',
    '### Socket',
    '',
    ...socketLp.checksBeforeFabrication.map((c) => `- ${c}`),
    '',
    '### Header',
    '',
    ...headerLp.checksBeforeFabrication.map((c) => `- ${c}`),
    '',
  ];
  return lines.join('\n');
}
