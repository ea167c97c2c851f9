import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';

/**
 * The command table: every CLI command, in help order, written once. Each entry holds what the help
 * says of the command (its name, its arguments, its description) and the module that adds its
 * options and action. `a4s` reads the table without importing any command (../run.ts: the help list
 * and "did you mean" come from here) and imports only the command it runs; ../full.ts loads them all
 * (the README's command table, the tests).
 *
 * A new command: its file `./<name>.ts` exporting `register<Name>: RegisterCommand` (the options and
 * the action, added to the command this table declares), and one entry here.
 */
export interface CommandArgument {
  /** As commander writes it: `<required>`, `[optional]`, `<variadic...>`. */
  readonly name: string;
  /** Shown in the command's own help. */
  readonly description?: string;
}

export interface CommandEntry {
  readonly name: string;
  readonly arguments: readonly CommandArgument[];
  readonly description: string;
  readonly load: () => Promise<RegisterCommand>;
}

/** What follows the name in `a4s --help`, as commander writes it (every command has options). */
export function usageOf(entry: CommandEntry): string {
  return ['[options]', ...entry.arguments.map((a) => a.name)].join(' ');
}

/** The command as the table declares it (name, description, arguments), added to the program. */
export function declareCommand(program: Command, entry: CommandEntry): Command {
  const command = program.command(entry.name).description(entry.description);
  for (const a of entry.arguments) command.argument(a.name, a.description);
  return command;
}

/** Loads the entry's module and adds the command, whole, to the program. */
export async function addCommand(program: Command, entry: CommandEntry, ctx: Parameters<RegisterCommand>[1]): Promise<void> {
  const register = await entry.load();
  register(declareCommand(program, entry), ctx);
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'decode',
    arguments: [{ name: '<partNumbers...>', description: 'part numbers, or - to read them from standard input' }],
    description: 'Decode part numbers: role, pins, mated heights, packaging, dimensions; "-" reads one per line from stdin',
    load: async () => (await import('./decode.js')).registerDecode,
  },
  {
    name: 'parts',
    arguments: [],
    description: 'List the standard parts, filtered',
    load: async () => (await import('./parts.js')).registerParts,
  },
  {
    name: 'mate',
    arguments: [{ name: '<partNumber>' }],
    description: 'Mating partners of a part (the socket is common to both mated heights; the header decides the height)',
    load: async () => (await import('./mate.js')).registerMate,
  },
  {
    name: 'dims',
    arguments: [{ name: '<partNumber>' }],
    description: 'Dimensions A, B, C of a part (catalog table, or the linear formula for other pin counts) and its mating forces',
    load: async () => (await import('./dims.js')).registerDims,
  },
  {
    name: 'spec',
    arguments: [{ name: '[item]', description: 'characteristic id or words, rule id or topic, or a section name' }],
    description:
      'What the catalog specifies: a characteristic (e.g. rated-current, "insertion"), a rule id or topic, or a section: characteristics, materials, tape, inspection, rules, missing',
    load: async () => (await import('./spec.js')).registerSpec,
  },
  {
    name: 'explain',
    arguments: [{ name: '<partNumber>' }],
    description: 'Every field of a part with its value, provenance (catalog / derived / inferred) and catalog source',
    load: async () => (await import('./explain.js')).registerExplain,
  },
  {
    name: 'footprint',
    arguments: [{ name: '<partNumber>' }],
    description:
      'KiCad footprint (.kicad_mod, KiCad 8 format: KiCad 8 and later) of a part: pads, paste, mask, silkscreen, courtyard, STEP model link, provenance properties',
    load: async () => (await import('./footprint.js')).registerFootprint,
  },
  {
    name: 'symbol',
    arguments: [{ name: '<partNumber>' }],
    description: 'KiCad symbol library (.kicad_sym, KiCad 8 format: KiCad 8 and later) holding the symbol of a part, its MPN field set to the part number',
    load: async () => (await import('./symbol.js')).registerSymbol,
  },
  {
    name: 'model',
    arguments: [{ name: '<partNumber>' }],
    description:
      '3D model of a part: STEP AP214 (mm) or VRML for KiCad (0.1 inch units), at the footprint origin; --mated-with for a socket + header pair (STEP)',
    load: async () => (await import('./model.js')).registerModel,
  },
  {
    name: 'drawing',
    arguments: [{ name: '<partNumber>' }],
    description: 'SVG drawing of a part: land pattern, outline, pin 1, A/B/C dimensions, where every number comes from, checks before fabrication (A4, mm)',
    load: async () => (await import('./drawing.js')).registerDrawing,
  },
  {
    name: 'kicad-lib',
    arguments: [{ name: '<dir>', description: 'folder to write (created if missing; must be empty unless --force)' }],
    description:
      'Write the complete KiCad library (KiCad 8 and later): every footprint, the symbol library, 3D models (STEP, VRML), design rules (Panasonic_A4S.kicad_dru), fp-lib-table, sym-lib-table and a README of provenance',
    load: async () => (await import('./kicad-lib.js')).registerKicadLib,
  },
  {
    name: 'kicad-pcm',
    arguments: [{ name: '<file>', description: 'the .zip file to write' }],
    description:
      "Write the library as a KiCad Plugin and Content Manager package (.zip, KiCad 8 and later: PCM -> Install from File): footprints with their own clearance (DRC-clean at KiCad's default netclass, no rule file), symbols, 3D models under ${KICAD9_3RD_PARTY}, icon, metadata.json",
    load: async () => (await import('./kicad-pcm.js')).registerKicadPcm,
  },
  {
    name: 'verify-footprint',
    arguments: [{ name: '<file>', description: 'the .kicad_mod file, or a .kicad_pcb board with --ref ("-" = standard input)' }],
    description:
      'Check a KiCad footprint (.kicad_mod, KiCad 5-9, from any vendor, or one cut out of a .kicad_pcb) against the catalog model of an A4S part: pins, terminals, pitch, B, C, rows, pad sizes, numbering, chirality (pin n meets pin n of the mating part), courtyard, fab, pin-1 mark',
    load: async () => (await import('./verify-footprint.js')).registerVerifyFootprint,
  },
  {
    name: 'circuit-json',
    arguments: [{ name: '<partNumber>' }],
    description:
      'The part as circuit-json (tscircuit and other TypeScript circuit tools): source component, a port per pin, SMT pads, paste, silkscreen, fab outline, courtyard, provenance note',
    load: async () => (await import('./circuit-json.js')).registerCircuitJson,
  },
  {
    name: 'eagle-lib',
    arguments: [{ name: '<file>', description: 'the .lbr file to write ("-" = standard output)' }],
    description:
      'Write the whole library as one Eagle 9 XML library (.lbr) for Eagle, Fusion Electronics and importers: a package per footprint (the KiCad land pattern), a symbol per role and pin count, a device set per family with a technology per part number (MPN, MANUFACTURER)',
    load: async () => (await import('./eagle-lib.js')).registerEagleLib,
  },
  {
    name: 'easyeda-lib',
    arguments: [{ name: '<file>', description: 'the .elibz file to write ("-" = standard output, binary)' }],
    description:
      'Write the whole library as one EasyEDA Pro library (.elibz) for EasyEDA Pro (JLCEDA Pro) and importers (KiCad 8 and later import it): every footprint (the KiCad land pattern: pads, mask and stencil openings, silkscreen, assembly outline, courtyard, provenance), a symbol per role and pin count, a device per part number (Manufacturer, Manufacturer Part)',
    load: async () => (await import('./easyeda-lib.js')).registerEasyedaLib,
  },
  {
    name: 'check',
    arguments: [{ name: '[file]', description: 'pin map: .yaml/.yml, .json, or .csv with header pin,net,currentA,voltageV,kind ("-" = standard input)' }],
    description:
      'Check a pin map (YAML, JSON, CSV or a KiCad netlist) against the catalog: currents, voltages, IR drop, reverse insertion, pins, mating cycles, temperatures, forces, boards',
    load: async () => (await import('./check.js')).registerCheck,
  },
  {
    name: 'bom',
    arguments: [{ name: '<file>', description: 'BOM file, CSV or TSV ("-" = standard input)' }],
    description:
      'Check a BOM (CSV/TSV: KiCad, JLCPCB or any file with a part-number column) for A4S parts: status, mating partners, heights, reels, inspection parts',
    load: async () => (await import('./bom.js')).registerBom,
  },
  {
    name: 'order',
    arguments: [{ name: '<partNumber>' }, { name: '<quantity>', description: 'pieces needed' }],
    description:
      'Order quantities: reels (the order unit), outer cartons, leftover pieces; the 4 mm packaging when it saves reels; inspection lots of at least 50',
    load: async () => (await import('./order.js')).registerOrder,
  },
];
