import { builtInSeries, inspectionPatternOf, type Series } from '../catalog/index.js';
import {
  familiesOf,
  familyNumberPattern,
  headerHeight,
  libraryNames,
  HEADER_10_SAME_PATTERN,
  HEADER_NAME_SUFFIX,
  LAND_PARAM_NAMES,
  overridesFor,
  SOLDER_MASK_DESIGN,
  type LandPattern,
  familyLandPattern,
  type LibraryPatternOptions,
  type FootprintFamily,
} from '../geometry/index.js';
import { FOOTPRINT_FORMAT_VERSION } from './footprint.js';
import { smallestPadGapMm } from './design-rules.js';
import { footprintClearanceMm } from './footprint.js';
import { DEFAULT_BASE_URI, libraryPaths, modelDirOf } from './library-paths.js';
import { formatNumber } from './sexpr.js';
import { SYMBOL_FORMAT_VERSION } from './symbol.js';

/**
 * The library's README (src/kicad/library.ts writes it with the library): what is in it, how to
 * install it, where every number came from, and what to check before fabrication.
 */

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

/** Why the header footprints are named `…_Header_Rev2`, and what users of the first library must do. */
function headerRevisionLines(series: Series): string[] {
  return [
    `**Header footprints, revision 2: re-check placed headers.** The header footprints are now named \`…_Header_${HEADER_NAME_SUFFIX}\`.`,
    `The library's first header footprints (\`…_P${series.pitchMm}mm_Header\`) had contact rows 2.45 mm apart, contacts 0.75 mm long and`,
    '2 soldering-terminal pads, assumed by analogy with the F4S header. Two fabricated public designs of the 10-pin header',
    'AXE610124 (nqbit/kicad-boards `dash_connector`, KiCad; fenrir-naru/GPD_Pocket-mods `internal_usb_hub/HUB_FPC.brd`,',
    'Eagle, checked against its gerbers) agree on rows 1.75 mm apart, contacts 0.23 × 0.65 mm and 4 terminal pads at ±C/2,',
    '0.45 mm along the row (0.9 mm across it: the GPD pad, which holds the nqbit one; see "Provenance" below). A board laid',
    'out with the old header footprint has pads where the part has none: KiCad reports its footprint as missing from this',
    'library; place the new one and re-route its contacts and terminals before ordering.',
    '',
  ];
}

/** The library's README: what is in it, how to install it, where every number came from, what to check. */
export function libraryReadme(withModels: boolean, baseUri = DEFAULT_BASE_URI, options: LibraryPatternOptions = {}, series: Series = builtInSeries): string {
  return readmeText(withModels, baseUri, (f) => familyLandPattern(f, options, series), options, modelDirOf(baseUri, series), series);
}

/**
 * The first thing a user needs: where the models are linked from, and whether anything has to be
 * set for KiCad (and `kicad-cli pcb export step`) to find them.
 */
function modelPathLines(baseUri: string, modelDir: string): string[] {
  const inProject = modelDir.startsWith('${KIPRJMOD}');
  return [
    '## 3D models: where KiCad finds them',
    '',
    `The footprints link their STEP models as \`${modelDir}/<name>.step\`.`,
    inProject
      ? `\`\${KIPRJMOD}\` is KiCad's own variable for the project folder: put this library's files in the project folder (the one holding the \`.kicad_pro\`, as the tables expect) and the 3D viewer and \`kicad-cli pcb export step\` find the models with no path variable to define (tried with KiCad 9: a lone \`.kicad_pcb\` with no \`.kicad_pro\` beside it gets no \`\${KIPRJMOD}\`, and the export drops the models). For a library kept elsewhere, write it again with \`a4s kicad-lib <folder> --base-uri <its path>\` (an absolute path, or a variable you define once in Preferences → Configure Paths): the tables and the model links then point there.`
      : `Written with \`--base-uri ${baseUri}\`: keep the library there${/\$\{/.test(baseUri) ? ' and define the variable it names in Preferences → Configure Paths (and pass it to `kicad-cli pcb export step -D NAME=value` on a machine without that setting)' : ''}.`,
    '',
  ];
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

export function readmeText(
  withModels: boolean,
  baseUri: string,
  lpOf: (f: FootprintFamily) => LandPattern,
  options: LibraryPatternOptions,
  modelDir?: string,
  series: Series = builtInSeries,
): string {
  const families = familiesOf(series);
  const { prettyDir, symbolFile, modelsDir, druFile } = libraryPaths(series);
  const { footprintLibrary } = libraryNames(series);
  const modelsAt = modelDir ?? modelDirOf(baseUri, series);
  const socket = families.find((f) => f.role === 'socket')!;
  const header = families.find((f) => f.role === 'header')!;
  const socketLp = lpOf(socket);
  const headerLp = lpOf(header);
  const lines = [
    `# ${footprintLibrary}: KiCad library of the Panasonic ${series.name} connectors`,
    '',
    `Generated by the a4s toolkit from the Panasonic ${series.name} catalog (${series.pitchMm} mm pitch board-to-FPC connectors).`,
    'Re-running the generator gives byte-identical files.',
    '',
    "**These land patterns are not the manufacturer's drawing.** The catalog text lost its recommended PC board",
    'and metal-mask figures. Read "Check before fabrication" below before ordering boards.',
    '',
    ...modelPathLines(baseUri, modelsAt),
    ...overrideLines(options),
    ...headerRevisionLines(series),
    '## Contents',
    '',
    `- \`${prettyDir}/\`: ${families.length} footprints (format version ${FOOTPRINT_FORMAT_VERSION}, KiCad 8 and later), one per part family:`,
    `  a socket per pin count, a header per pin count and mated height (${familyNumberPattern('header', 0.8, series)} = 0.8 mm, ${familyNumberPattern('header', 1.0, series)} = 1.0 mm: same land`,
    `  pattern, each its own 3D model). The tape packaging does not change the footprint; inspection parts (${inspectionPatternOf('socket', series.catalog)},`,
    `  ${inspectionPatternOf('header', series.catalog)}) use the standard one (an inspection header, whose height the catalog does not state, the ${headerHeight(null).toFixed(1)} mm one).`,
    `- \`${symbolFile}\`: ${families.length} symbols (format version ${SYMBOL_FORMAT_VERSION}, KiCad 8 and later), one per footprint, pins numbered as the footprint pads;`,
    '  the soldering terminals are the one pin `MP` (the catalog: the soldering terminals are connected electrically).',
    withModels
      ? `- \`${modelsDir}/\`: STEP and VRML models (one per footprint, named as it); the footprints link the STEP file as \`${modelsAt}/<name>.step\`\n  (KiCad's 3D viewer, STEP export and renderer all read it); the VRML file is there for whoever wants it.`
      : `- **No 3D models in this build** (\`--no-models\`), yet the footprints still link them as \`${modelsAt}/<name>.step\`,\n  so that they are the same files as in a full build: KiCad's 3D viewer shows no body for them until\n  the models are there. Add them with \`a4s kicad-lib <this folder> --force\` (writes \`${modelsDir}/\`), or one by one with\n  \`a4s model <part number> --format wrl\` and \`--format step\`.`,
    `- \`${druFile}\`: custom design rules (see "Design rules check" below).`,
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
    `2. 3D models: the footprints link \`${modelsAt}/<name>.step\` (see "3D models" at the top): nothing to define when the`,
    '   folder is where the tables point.',
    `3. For the design rules check, add \`${druFile}\` to the board (next section).`,
    '',
    '## Design rules check',
    '',
    '- **Solder mask**: one opening per contact row, and the footprints allow solder-mask bridges between their own pads',
    "  (KiCad attribute `allow_soldermask_bridges`), so KiCad's default mask settings give no `solder_mask_bridge` error.",
    `  Provenance: ${SOLDER_MASK_DESIGN.provenance} — ${SOLDER_MASK_DESIGN.source}.`,
    `- **Clearance**: neighbouring contacts are ${formatNumber(smallestPadGapMm([socketLp, headerLp]))} mm apart; KiCad's default netclass asks 0.2 mm. Each footprint`,
    `  carries a footprint-level clearance of ${formatNumber(footprintClearanceMm(socketLp))} mm (socket) and ${formatNumber(footprintClearanceMm(headerLp))} mm (header): derived, the smallest gap between two of its`,
    '  pads rounded down to 1 µm, the largest value its own pads pass. So the footprints pass DRC at the default netclass with',
    '  no rule file, under any library name. **What it allows:** KiCad applies a footprint clearance to everything next to',
    `  these pads, so tracks, vias and zones of other nets may come ${formatNumber(footprintClearanceMm(socketLp))} mm from them instead of the board's clearance; the rest`,
    "  of the board keeps its own rule. **To keep the board's clearance near the connector**, set the footprint's clearance",
    `  override to 0 (Footprint Properties → Clearance overrides) and add \`${druFile}\` (Board Setup → Design Rules → Custom`,
    '  Rules: paste its rule; or copy it next to the board as `<board name>.kicad_dru`): it lowers the clearance between two',
    `  pads of one ${series.name} footprint only (its condition matches the nicknames \`${footprintLibrary}\` and \`PCM_${footprintLibrary}\`).`,
    '  Each footprint says the same in its hidden property `Clearance`.',
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
    `- F9.3 (model path \`\${KICAD9_3DMODEL_DIR}/${modelsDir}/\`): this library is not part of KiCad's, so the models`,
    `  are linked from the library's own folder, \`${modelsAt}/\` (see "3D models").`,
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
    ...families.map((f) => familyRow(f, lpOf(f))),
    '',
    '## Provenance of the land patterns',
    '',
    `catalog = the Panasonic ${series.name} catalog text; derived = a formula of catalog values; reference = a public source`,
    'outside the catalog (data/source/A4S-reference.md of the a4s toolkit); assumed = a stated engineering rule.',
    `The same parameters serve every pin count; the contacts follow the catalog's ${series.pitchMm} mm pitch and span B,`,
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
    `The 1.0 mm headers (${familyNumberPattern('header', 1.0, series)}) use the same values with provenance \`assumed\`: ${HEADER_10_SAME_PATTERN.replace(/^assumed: /, '')}.`,
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
