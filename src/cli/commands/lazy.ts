import type { RegisterCommand } from '../context.js';

/**
 * Every CLI command as `a4s` loads it: its name, its line in `a4s --help`, and the module to import
 * when it runs. Only the command being run is imported (with its dependencies); `a4s --help` and
 * unknown commands import none. Help order. ./index.ts lists the same commands statically (for the
 * README table); test/cli-lazy.test.ts fails when the two disagree and prints the line to add.
 *
 * A new command: its file registers it as before (`export const registerX: RegisterCommand`), one
 * line in ./index.ts, and one line here.
 */
export interface LazyCommand {
  readonly name: string;
  /** What follows the name in the help list, as commander writes it: `[options] <arg>`. */
  readonly usage: string;
  readonly description: string;
  readonly load: () => Promise<RegisterCommand>;
}

export const lazyCommands: readonly LazyCommand[] = [
  {
    name: 'decode',
    usage: '[options] <partNumbers...>',
    description: 'Decode part numbers: role, pins, mated heights, packaging, dimensions; "-" reads one per line from stdin',
    load: async () => (await import('./decode.js')).registerDecode,
  },
  { name: 'parts', usage: '[options]', description: 'List the standard parts, filtered', load: async () => (await import('./parts.js')).registerParts },
  {
    name: 'mate',
    usage: '[options] <partNumber>',
    description: 'Mating partners of a part (the socket is common to both mated heights; the header decides the height)',
    load: async () => (await import('./mate.js')).registerMate,
  },
  {
    name: 'dims',
    usage: '[options] <partNumber>',
    description: 'Dimensions A, B, C of a part (catalog table, or the linear formula for other pin counts) and its mating forces',
    load: async () => (await import('./dims.js')).registerDims,
  },
  {
    name: 'spec',
    usage: '[options] [item]',
    description:
      'What the catalog specifies: a characteristic (e.g. rated-current, "insertion"), a rule id or topic, or a section: characteristics, materials, tape, inspection, rules, missing',
    load: async () => (await import('./spec.js')).registerSpec,
  },
  {
    name: 'explain',
    usage: '[options] <partNumber>',
    description: 'Every field of a part with its value, provenance (catalog / derived / inferred) and catalog source',
    load: async () => (await import('./explain.js')).registerExplain,
  },
  {
    name: 'footprint',
    usage: '[options] <partNumber>',
    description:
      'KiCad footprint (.kicad_mod, KiCad 8 format: KiCad 8 and later) of a part: pads, paste, mask, silkscreen, courtyard, STEP model link, provenance properties',
    load: async () => (await import('./footprint.js')).registerFootprint,
  },
  {
    name: 'symbol',
    usage: '[options] <partNumber>',
    description: 'KiCad symbol library (.kicad_sym, KiCad 8 format: KiCad 8 and later) holding the symbol of a part, its MPN field set to the part number',
    load: async () => (await import('./symbol.js')).registerSymbol,
  },
  {
    name: 'model',
    usage: '[options] <partNumber>',
    description:
      '3D model of a part: STEP AP214 (mm) or VRML for KiCad (0.1 inch units), at the footprint origin; --mated-with for a socket + header pair (STEP)',
    load: async () => (await import('./model.js')).registerModel,
  },
  {
    name: 'drawing',
    usage: '[options] <partNumber>',
    description: 'SVG drawing of a part: land pattern, outline, pin 1, A/B/C dimensions, where every number comes from, checks before fabrication (A4, mm)',
    load: async () => (await import('./drawing.js')).registerDrawing,
  },
  {
    name: 'kicad-lib',
    usage: '[options] <dir>',
    description:
      'Write the complete KiCad library (KiCad 8 and later): every footprint, the symbol library, 3D models (STEP, VRML), design rules (Panasonic_A4S.kicad_dru), fp-lib-table, sym-lib-table and a README of provenance',
    load: async () => (await import('./kicad-lib.js')).registerKicadLib,
  },
  {
    name: 'kicad-pcm',
    usage: '[options] <file>',
    description:
      "Write the library as a KiCad Plugin and Content Manager package (.zip, KiCad 8 and later: PCM -> Install from File): footprints with their own clearance (DRC-clean at KiCad's default netclass, no rule file), symbols, 3D models under ${KICAD9_3RD_PARTY}, icon, metadata.json",
    load: async () => (await import('./kicad-pcm.js')).registerKicadPcm,
  },
  {
    name: 'verify-footprint',
    usage: '[options] <file>',
    description:
      'Check a KiCad footprint (.kicad_mod, KiCad 5-9, from any vendor, or one cut out of a .kicad_pcb) against the catalog model of an A4S part: pins, terminals, pitch, B, C, rows, pad sizes, numbering, chirality (pin n meets pin n of the mating part), courtyard, fab, pin-1 mark',
    load: async () => (await import('./verify-footprint.js')).registerVerifyFootprint,
  },
  {
    name: 'circuit-json',
    usage: '[options] <partNumber>',
    description:
      'The part as circuit-json (tscircuit and other TypeScript circuit tools): source component, a port per pin, SMT pads, paste, silkscreen, fab outline, courtyard, provenance note',
    load: async () => (await import('./circuit-json.js')).registerCircuitJson,
  },
  {
    name: 'eagle-lib',
    usage: '[options] <file>',
    description:
      'Write the whole library as one Eagle 9 XML library (.lbr) for Eagle, Fusion Electronics and importers: a package per footprint (the KiCad land pattern), a symbol per role and pin count, a device set per family with a technology per part number (MPN, MANUFACTURER)',
    load: async () => (await import('./eagle-lib.js')).registerEagleLib,
  },
  {
    name: 'easyeda-lib',
    usage: '[options] <file>',
    description:
      'Write the whole library as one EasyEDA Pro library (.elibz) for EasyEDA Pro (JLCEDA Pro) and importers (KiCad 8 and later import it): every footprint (the KiCad land pattern: pads, mask and stencil openings, silkscreen, assembly outline, courtyard, provenance), a symbol per role and pin count, a device per part number (Manufacturer, Manufacturer Part)',
    load: async () => (await import('./easyeda-lib.js')).registerEasyedaLib,
  },
  {
    name: 'check',
    usage: '[options] [file]',
    description:
      'Check a pin map (YAML, JSON, CSV or a KiCad netlist) against the catalog: currents, voltages, IR drop, reverse insertion, pins, mating cycles, temperatures, forces, boards',
    load: async () => (await import('./check.js')).registerCheck,
  },
  {
    name: 'bom',
    usage: '[options] <file>',
    description:
      'Check a BOM (CSV/TSV: KiCad, JLCPCB or any file with a part-number column) for A4S parts: status, mating partners, heights, reels, inspection parts',
    load: async () => (await import('./bom.js')).registerBom,
  },
  {
    name: 'order',
    usage: '[options] <partNumber> <quantity>',
    description:
      'Order quantities: reels (the order unit), outer cartons, leftover pieces; the 4 mm packaging when it saves reels; inspection lots of at least 50',
    load: async () => (await import('./order.js')).registerOrder,
  },
];
