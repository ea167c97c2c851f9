import { extname } from 'node:path';
import {
  checkMatedPair,
  checkPinMap,
  netlistPartConflict,
  parseNetMapCsv,
  parseKicadNetlist,
  parsePinMapText,
  pinMapFromNetlist,
  pinMapJsonSchema,
  renderReport,
  type CheckReport,
  type InputError,
  type PinMapFormat,
  type PinMapInput,
} from '../../checks/index.js';
import { checkPartNumber } from '../../partnumber/index.js';
import type { Result } from '../../result.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, EXIT, choiceOption, json, printable, sharedOption, write } from '../io.js';
import { OPTIONS } from '../../options.js';
import { readText, rejectFormatWithJson } from './_checks-io.js';

interface CheckOptions {
  part?: string;
  netlist?: string;
  ref?: string;
  json?: boolean;
  format?: string;
  irDropThresholdMv?: string;
  maxNeighbourV?: string;
  inputFormat?: string;
  schema?: boolean;
  mateNetlist?: string;
  mateRef?: string;
  netMap?: string;
}

/** By extension; otherwise by the first characters (JSON object, CSV header, else YAML). */
export function pinMapFormatOf(file: string, text: string): PinMapFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'json';
  if (/^"?pin"?\s*[,;\t]/i.test(start)) return 'csv';
  return 'yaml';
}

/**
 * Exit 0 when nothing failed and no net of unknown kind meets another: `clean`, and `clean for stated
 * values` (the report names the supplies given no current or voltage: a netlist never states them, so
 * exit 1 there would fail every netlist). A qualified verdict (unknown kinds) is exit 1.
 */
function exitFor(verdict: CheckReport['summary']['verdict']): number {
  return verdict === 'clean' || verdict === 'clean for stated values' ? EXIT.OK : EXIT.FINDINGS;
}
function unwrap<T>(result: Result<T, InputError>, file: string): T {
  if (result.ok) return result.value;
  const e = result.error;
  const where = e.line ? `${file}:${e.line}${e.column ? `:${e.column}` : ''}: ` : `${file}: `;
  const hint = result.suggestions?.length ? ` Did you mean: ${result.suggestions.join(', ')}?` : '';
  throw new CliUsageError(e.code, printable(`${where}${e.message}${hint}`));
}

export const registerCheck: RegisterCommand = (command, ctx) => {
  command
    .option('--part <pn>', 'A4S part number (when the pin map does not name it)')
    .option('--netlist <file.net>', 'read the pins from a KiCad 6+ netlist (s-expression export); [file] then adds currents, kinds and conditions')
    .option('--ref <designator>', 'reference designator of the connector in the netlist, e.g. J2')
    .option('--mate-netlist <file.net>', 'two-board check: the KiCad netlist of the other board (the FPC); pin n of --ref meets pin n of --mate-ref')
    .option('--mate-ref <designator>', 'reference designator of the mating connector in --mate-netlist, e.g. P1')
    .option('--net-map <map.csv>', 'two-board check: CSV with the header board,mate naming nets that are the same on both sides')
    .option('--json', 'print the report as JSON ({ part, findings: [{ code, severity, pins, nets, message, source, fix }], summary }); not with --format')
    .option('--format <format>', 'human report format: text (default), md or html')
    .option('--ir-drop-threshold-mv <mV>', 'warn when a net’s worst-case contact drop exceeds this (default: 50 mV, assumed)')
    .option('--max-neighbour-v <V>', 'warn when neighbouring contacts (same row, or face to face) are more than this apart (default: the rated 60 V)')
    .option('--input-format <format>', 'yaml, json or csv (default: from the extension)')
    .option('--schema', 'print the JSON Schema of the pin-map document and exit')
    .addHelpText(
      'after',
      `
Pin map (YAML):
  part: AXE540127            # optional mate: AXE640124 for a mated pair
  pins: { 1: GND, 2: VBAT, 3: VBAT, 4: SDA, … }     # or a list [{pin, net, currentA, voltageV, kind}]
  nets: { VBAT: "1.2 A, 4.4 V, power", GND: { kind: ground } }
  conditions: { use: production, ambientTemperatureC: { min: -20, max: 70 }, matingCycles: 10,
                reflowPeakC: 250, iron: { temperatureC: 330, durationS: 3 }, humidityPercentRH: 80 }
  connectors: [ { ref: J2, boards: [main, display] } ]
CSV: pin,net,currentA,voltageV,kind — one row per pin; a row with an empty pin gives a net's totals.
Ground nets given no current carry the return of the supplies' currents, shared over their pins (assumed).

Two boards: a4s check --netlist board.net --ref J1 --mate-netlist fpc.net --mate-ref P1 [--net-map map.csv]
  pin n of J1 meets pin n of P1; kinds must agree; map.csv (board,mate) declares names that are equal.

Kinds come from the evidence, strongest first: stated > KiCad netlist pin types (power_out/power_in) > a stated
non-zero voltage > the name > unknown. A verdict that rests on a net of unknown kind is qualified (NET_KIND_UNKNOWN).

Supplies given no current or no voltage: those checks do not run for them; the verdict is "clean for stated
values" and NET_VALUES_MISSING names them.

Exit code: 0 clean or clean for stated values (no error-level finding, no net of unknown kind met), 1 error-level
findings or a qualified verdict, 2 unreadable input or usage error.`,
    )
    .action(async (file: string | undefined, options: CheckOptions) => {
      if (options.schema) {
        await write(ctx.io.stdout, json(pinMapJsonSchema));
        return;
      }
      rejectFormatWithJson(options);
      const format = choiceOption('format', options.format, ['text', 'md', 'html'] as const) ?? 'text';
      const inputFormat = choiceOption('input-format', options.inputFormat, ['yaml', 'json', 'csv'] as const);
      const threshold = sharedOption(OPTIONS.irDropThresholdMv, options.irDropThresholdMv);
      const maxNeighbourV = sharedOption(OPTIONS.maxNeighbourV, options.maxNeighbourV);
      if (!file && !options.netlist) throw new CliUsageError('BAD_OPTION', 'Give a pin-map file, or --netlist file.net --ref J2 (see a4s check --help).');
      if (options.netlist && !options.ref)
        throw new CliUsageError('BAD_OPTION', '--netlist needs --ref, the connector’s reference designator (e.g. --ref J2).');
      if (options.ref && !options.netlist) throw new CliUsageError('BAD_OPTION', '--ref goes with --netlist file.net.');
      if (options.mateNetlist && (!options.netlist || !options.mateRef))
        throw new CliUsageError(
          'BAD_OPTION',
          '--mate-netlist needs --netlist board.net --ref J1 and --mate-ref, the mating connector’s reference (e.g. --mate-ref P1).',
        );
      if (!options.mateNetlist && (options.mateRef || options.netMap))
        throw new CliUsageError('BAD_OPTION', `${options.mateRef ? '--mate-ref' : '--net-map'} goes with --mate-netlist fpc.net.`);

      let input: PinMapInput | null = null;
      if (file) {
        const text = await readText(ctx.io, file, 2_000_000, { code: 'PINMAP_TOO_LARGE', why: 'the pin map of an 80-pin part fits in a few kilobytes' });
        const fmt = inputFormat ?? pinMapFormatOf(file, text);
        input = unwrap(
          parsePinMapText(text, fmt, { ...(options.part !== undefined ? { part: options.part } : {}), allowNoPins: Boolean(options.netlist) }, ctx.series),
          file,
        );
      }
      if (options.netlist) {
        const text = await readText(ctx.io, options.netlist, 32 * 1024 ** 2, {
          code: 'INPUT_UNREADABLE',
          why: 'a KiCad netlist of a large board is a few megabytes',
        });
        const connector = unwrap(parseKicadNetlist(text, options.ref!, ctx.series), options.netlist);
        // --part was already checked against the pin map (parsePinMapText); now both against the netlist.
        const conflict = netlistPartConflict(
          connector,
          options.part ?? input?.part ?? null,
          options.part !== undefined ? '--part is' : `${file} names`,
          ctx.series,
        );
        if (conflict) unwrap({ ok: false, error: conflict }, options.netlist);
        if (options.mateNetlist) {
          const mate = unwrap(parseKicadNetlist(await readText(ctx.io, options.mateNetlist), options.mateRef!, ctx.series), options.mateNetlist);
          const netMap = options.netMap ? unwrap(parseNetMapCsv(await readText(ctx.io, options.netMap, 1_000_000)), options.netMap) : [];
          const withOptions = (x: PinMapInput): PinMapInput => ({
            ...x,
            ...(threshold !== undefined ? { irDropThresholdMv: threshold } : {}),
            ...(maxNeighbourV !== undefined ? { maxNeighbourV } : {}),
          });
          const base = input ? withOptions(input) : null;
          const thresholdOnly =
            !base && (threshold !== undefined || maxNeighbourV !== undefined)
              ? withOptions({ part: null, mate: null, pinCount: null, pins: [], nets: {}, conditions: {}, connectors: [], irDropThresholdMv: null })
              : null;
          const matedResult = checkMatedPair(
            { board: connector, mate, netMap, base: base ?? thresholdOnly, part: options.part ?? input?.part ?? null },
            ctx.series,
          );
          // A net-map line that contradicts itself is an error of the net map, at its line.
          const mated = unwrap(
            matedResult,
            !matedResult.ok && matedResult.error.code === 'NET_MAP_CONTRADICTION' && options.netMap ? options.netMap : options.mateNetlist,
          );
          ctx.exitCode = exitFor(mated.summary.verdict);
          await write(ctx.io.stdout, options.json ? json(mated) : renderReport(mated, format, ctx.series));
          return;
        }
        const merged = pinMapFromNetlist(connector, input, input?.part ?? null);
        const part = options.part ?? merged.part;
        if (!part && merged.pinCount === null) {
          throw new CliUsageError(
            'PINMAP_PART_MISSING',
            `${options.ref} in ${options.netlist} has no ${ctx.series.name} part number in its value or fields: pass --part.`,
          );
        }
        const check = part ? checkPartNumber(part, ctx.series) : null;
        if (check && !check.partNumber) {
          throw new CliUsageError(
            'PINMAP_PART_INVALID',
            `part "${part}": ${check.errors[0]?.message ?? 'invalid'}${check.suggestions.length ? ` Did you mean: ${check.suggestions.join(', ')}?` : ''}`,
          );
        }
        input = { ...merged, part: check?.partNumber ?? null };
      }
      if (threshold !== undefined) input = { ...input!, irDropThresholdMv: threshold };
      if (maxNeighbourV !== undefined) input = { ...input!, maxNeighbourV };

      const report = checkPinMap(input!, ctx.series);
      ctx.exitCode = exitFor(report.summary.verdict);
      await write(ctx.io.stdout, options.json ? json(report) : renderReport(report, format, ctx.series));
    });
};
