/**
 * Regenerates the tables of README.md between <!-- BEGIN:name --> and <!-- END:name --> markers
 * from the code (commands, error codes). `npx tsx scripts/readme.ts` writes; `--check` fails
 * when README.md is stale (run by the test suite).
 */
import { builtInSeries } from '../src/catalog/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { buildProgram } from '../src/cli/index.js';
import { API_ERROR_CODES as ERROR_CODES } from '../src/server/codes.js';
import { footprintFile } from '../src/kicad/index.js';
import { AREA_RATIO_MIN, contactAreaRatio, landPattern } from '../src/geometry/index.js';
import { renderFootprintReport, verifyFootprint } from '../src/verify/index.js';

const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

// Every command loaded (their modules are imported once, here, so that the tables stay synchronous).
const sink = new PassThrough();
const program = await buildProgram({
  io: { stdout: sink, stderr: sink, stdin: Readable.from([]), isTTY: false, cwd: '.' },
  series: builtInSeries,
  exitCode: 0,
});

export function commandsTable(): string {
  const rows = program.commands.map((c) => {
    const args = c.registeredArguments
      .map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`))
      .join(' ');
    const options = c.options.map((o) => `\`${o.long}\``).join(' ');
    return `| \`a4s ${c.name()}${args ? ' ' + args : ''}\` | ${escape(c.description())} | ${options} |`;
  });
  return ['| command | what it does | options |', '|---|---|---|', ...rows].join('\n');
}

export function errorCodesTable(): string {
  const rows = Object.entries(ERROR_CODES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, d]) => `| \`${code}\` | ${escape(d.summary)} | ${escape(d.fix)} |`);
  return ['| code | meaning | what to do |', '|---|---|---|', ...rows].join('\n');
}

/** `a4s verify-footprint` on our AXE540127 footprint with its rows swapped (pin 2k−1 ↔ 2k): the mirrored footprint of the README. */
export function verifyExample(): string {
  const fp = footprintFile('AXE540127');
  if (!fp.ok) throw new Error(fp.error.message);
  const vendor = fp.value.content.replace(/\(pad "(\d+)"/g, (_m, n: string) => `(pad "${Number(n) % 2 ? Number(n) + 1 : Number(n) - 1}"`);
  const r = verifyFootprint(vendor, { part: 'AXE540127', fileName: 'vendor.kicad_mod' });
  if (!r.ok) throw new Error(r.error.message);
  return ['```text', '$ a4s verify-footprint vendor.kicad_mod --part AXE540127', renderFootprintReport(r.value).trimEnd(), '```'].join('\n');
}

/** The IPC-7525 area ratio of our contact openings, per role (the same figure as the drawing and the verifier). */
export function stencilTable(): string {
  const rows = (['socket', 'header'] as const).map((role) => {
    const lp = landPattern(role, 40, role === 'header' ? 0.8 : null);
    const a = contactAreaRatio(lp);
    const pct = (v: number) => `${Math.round(v * 100)} %`;
    return `| ${role} | ${a.widthMm} × ${a.heightMm} mm (${pct(lp.params.signalPasteRatio.valueMm)} of ${lp.params.signalPadWidthMm.valueMm} × ${lp.params.signalPadLengthMm.valueMm} mm) | ${a.thicknessMm * 1000} µm | ${a.value} ${a.value >= AREA_RATIO_MIN.value ? '(≥ 0.66)' : '(below 0.66: a note)'} |`;
  });
  return ['| role | contact opening | stencil (catalog) | IPC-7525 area ratio |', '|---|---|---|---|', ...rows].join('\n');
}

export const GENERATED: Record<string, () => string> = {
  commands: commandsTable,
  'error-codes': errorCodesTable,
  'verify-example': verifyExample,
  stencil: stencilTable,
};

export function regenerate(readme: string): string {
  let out = readme;
  for (const [name, make] of Object.entries(GENERATED)) {
    const re = new RegExp(`(<!-- BEGIN:${name} -->)[\\s\\S]*?(<!-- END:${name} -->)`);
    if (!re.test(out)) throw new Error(`README.md has no <!-- BEGIN:${name} --> … <!-- END:${name} --> block`);
    out = out.replace(re, (_m, begin: string, end: string) => `${begin}\n${make()}\n${end}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('../README.md', import.meta.url);
  const current = readFileSync(path, 'utf8');
  const next = regenerate(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md is stale: run `npx tsx scripts/readme.ts`.');
      process.exit(1);
    }
  } else {
    writeFileSync(path, next);
  }
}
