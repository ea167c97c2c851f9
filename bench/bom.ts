/**
 * BOM check throughput (`checkBomStream`, as `a4s bom` runs it) vs parsing the same CSV with a
 * standard streaming CSV reader (csv-parse, which read BOMs before the core's own line reader, with
 * the options it had then: whole lines, no quotes) and doing nothing with the records, in the same
 * run. Target: check within 2× of parse-only, and constant memory: peak RSS of the check on
 * 1,000,000 lines vs on 100,000 lines. Also shown: the core's line reader alone (`BomLines`, no check).
 * Each measurement runs in its own child process (peak RSS = the child's maxRSS).
 *   npx tsx bench/bom.ts [lines]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { BomLines, checkBomStream } from '../src/checks/bom/stream.js';
import { boundedChunks } from '../src/cli/bounded.js';
import { MAX_BOM_BYTES } from '../src/cli/commands/bom.js';

type Mode = 'parse' | 'read' | 'check';

async function child(mode: Mode, path: string): Promise<void> {
  const t0 = performance.now();
  let records = 0;
  if (mode === 'parse') {
    const parser = createReadStream(path).pipe(
      parse({ delimiter: '\u0000', quote: false, bom: true, relax_column_count: true, skip_records_with_error: true, skip_empty_lines: true, info: true }),
    );
    // 'data' events, not async iteration: iterating an object-mode stream costs ~5× the parse itself.
    parser.on('data', () => void records++);
    await once(parser, 'end');
  } else if (mode === 'read') {
    const lines = new BomLines();
    const decoder = new TextDecoder();
    const onLine = () => {
      records++;
      return true;
    };
    for await (const chunk of createReadStream(path)) lines.push(decoder.decode(chunk as Buffer, { stream: true }), onLine);
    lines.end(decoder.decode(), onLine);
  } else {
    const result = await checkBomStream(boundedChunks(createReadStream(path), MAX_BOM_BYTES), { boards: 100 });
    if (!result.ok) throw new Error(result.error.message);
    records = result.value.lines + 1;
    if (result.value.a4sLines === 0) throw new Error('no A4S line found: the bench BOM is wrong');
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ mode, records, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/**
 * A KiCad-like BOM: mostly passives, one line in 40 an A4S part (some nonstandard or invalid). The
 * A4S lines quote every cell as KiCad does, and one passive line in 4 quotes a list of references
 * ("R1,R2"), so that the check pays for joining quoted cells (the reader cuts lines, the checker joins).
 */
async function generate(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  const a4s = ['AXE540127', 'AXE640124', 'AXE530127D', 'AXE630124D', 'AXE680224', 'AXE5E4026', 'AXE526127', 'AXE540128'];
  const other = ['10k', '100nF', '4.7uF', 'BSS138', 'LED_Red', '0R'];
  let buffer = 'Reference,Value,Footprint,Qty,MPN\n';
  for (let i = 1; i <= lines; i++) {
    const pn = a4s[(i / 40) % a4s.length];
    buffer +=
      i % 40 === 0
        ? `"J${i}","Conn","A4S:${pn}","1","${pn}"\n`
        : i % 4 === 1
          ? `"R${i},R${i}A",${other[i % other.length]},Resistor_SMD:R_0402_1005Metric,2,RC0402FR-07${i % 1000}RL\n`
          : `R${i},${other[i % other.length]},Resistor_SMD:R_0402_1005Metric,${1 + (i % 3)},RC0402FR-07${i % 1000}RL\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

function measure(mode: Mode, path: string): { ms: number; maxRssMb: number; records: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', mode, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`child ${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

/** One alternation at 1,000,000 lines keeps the run near 15 s on this machine. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'a4s-bench-bom-'));
  try {
    const big = join(dir, 'big.csv');
    const small = join(dir, 'small.csv');
    await generate(big, lines);
    await generate(small, Math.round(lines / 10));
    // Alternate the three (2 shared noisy cores); keep each one's best time.
    let parse = { ms: Infinity, maxRssMb: 0, records: 0 };
    let check = { ms: Infinity, maxRssMb: 0, records: 0 };
    let read = { ms: Infinity, maxRssMb: 0, records: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const p = measure('parse', big);
      const r = measure('read', big);
      const c = measure('check', big);
      parse = { ...p, ms: Math.min(parse.ms, p.ms), maxRssMb: Math.max(parse.maxRssMb, p.maxRssMb) };
      read = { ...r, ms: Math.min(read.ms, r.ms), maxRssMb: Math.max(read.maxRssMb, r.maxRssMb) };
      check = { ...c, ms: Math.min(check.ms, c.ms), maxRssMb: Math.max(check.maxRssMb, c.maxRssMb) };
    }
    const checkSmall = measure('check', small);
    const ratio = check.ms / parse.ms;
    const rssGrowth = check.maxRssMb / checkSmall.maxRssMb;
    const pass = ratio <= 2 && rssGrowth < 1.5;
    console.log(
      JSON.stringify({
        bench: 'bom',
        lines: check.records,
        parseOnlyMs: +parse.ms.toFixed(0),
        readLinesOnlyMs: +read.ms.toFixed(0),
        checkMs: +check.ms.toFixed(0),
        checkLinesPerSecond: Math.round(check.records / (check.ms / 1000)),
        ratio: +ratio.toFixed(2),
        target: '≤ 2',
        parseOnlyMaxRssMb: +parse.maxRssMb.toFixed(1),
        checkMaxRssMb: +check.maxRssMb.toFixed(1),
        checkMaxRssMbAtTenthOfTheLines: +checkSmall.maxRssMb.toFixed(1),
        rssGrowthFor10xLines: +rssGrowth.toFixed(2),
        pass,
      }),
    );
    process.exitCode = pass ? 0 : 1; // npm run bench fails when a target is missed
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] as Mode, process.argv[4]!);
else await main();
