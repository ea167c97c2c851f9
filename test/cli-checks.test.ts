import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'a4s-check-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('a4s check', () => {
  const clean = file(
    'clean.csv',
    [
      'pin,net,currentA,voltageV,kind',
      '1,VBAT,0.25,3.8,power',
      '10,VBAT,0.25,3.8,power',
      '2,GND,0.25,,ground',
      '9,GND,0.25,,ground',
      ...[3, 4, 5, 6, 7, 8].map((p) => `${p},D${p},,3.3,signal`),
    ].join('\n'),
  );
  const reversed = file('reversed.csv', 'pin,net,currentA,voltageV,kind\n1,VBAT,0.2,4,power\n10,GND,,,ground\n');

  it('CSV with --part: exit 0 on a clean map, JSON contract', async () => {
    const r = await cli(['check', '--part', 'AXE510127', clean, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.part).toBe('AXE510127');
    expect(report.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
    for (const f of report.findings) expect(Object.keys(f).sort()).toEqual(['code', 'fix', 'message', 'nets', 'pins', 'severity', 'source']);
  });

  it('exit 1 with error-level findings; the human report groups the worst first', async () => {
    const r = await cli(['check', '--part', 'AXE510127', reversed]);
    expect(r.code).toBe(1);
    expect(r.stdout.indexOf('ERRORS')).toBeLessThan(r.stdout.indexOf('WARNINGS'));
    expect(r.stdout).toMatch(/REVERSE_INSERTION_HAZARD/);
    expect(r.stdout).toMatch(/NOT reversal-safe/);
  });

  it('--format md and html for a design review', async () => {
    expect((await cli(['check', '--part', 'AXE510127', reversed, '--format', 'md'])).stdout).toMatch(/^# A4S pin-map check: AXE510127/);
    expect((await cli(['check', '--part', 'AXE510127', reversed, '--format', 'html'])).stdout).toMatch(/^<!doctype html>/);
  });

  it('--ir-drop-threshold-mv turns the IR-drop note into a warning', async () => {
    const r = await cli(['check', '--part', 'AXE510127', clean, '--json', '--ir-drop-threshold-mv', '5']);
    const ir = JSON.parse(r.stdout).findings.find((f: { code: string; nets: string[] }) => f.code === 'IR_DROP' && f.nets[0] === 'VBAT');
    expect(ir.severity).toBe('warning'); // 0.5 A × 90 mΩ / 2 = 22.5 mV > 5 mV
  });

  it('a KiCad netlist with --ref', async () => {
    const r = await cli(['check', '--netlist', 'test/fixtures/kicad/a4s-j2.net', '--ref', 'J2', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.reversalSafe).toBe(true);
    const wrong = await cli(['check', '--netlist', 'test/fixtures/kicad/a4s-j2.net', '--ref', 'J3']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/error \[NETLIST_REF_NOT_FOUND\].*J2/);
  });

  it('unreadable input: exit 2, code and line, no stack trace', async () => {
    const cases: [string, string, RegExp][] = [
      ['bad.yaml', 'pins:\n  1: GND\n  2: [VBAT\n', /error \[PINMAP_SYNTAX\]: .*bad\.yaml:\d+/],
      ['bad.json', '{"pins": {"1": "GND",}}', /error \[PINMAP_SYNTAX\]: .*bad\.json:1:/],
      ['type.yaml', 'pins:\n  1: { net: GND, voltageV: high }\n', /error \[PINMAP_FIELD\]: .*type\.yaml:2: pins\.1\.voltageV/],
      ['neg.csv', 'pin,net,currentA\n1,VBAT,-1\n', /error \[PINMAP_RANGE\]: .*neg\.csv:2:3/],
      ['range.csv', 'pin,net\n99,GND\n', /error \[PINMAP_RANGE\]: .*range\.csv:2/],
      ['quote.csv', 'pin,net\n1,"GND\n', /error \[PINMAP_CSV_SYNTAX\]/],
    ];
    for (const [name, text, pattern] of cases) {
      const r = await cli(['check', '--part', 'AXE540127', file(name, text)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(pattern);
      noStack(r.stderr);
    }
    const missing = await cli(['check', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/INPUT_UNREADABLE/);
    const json = await cli(['check', file('bad2.json', '{'), '--json']);
    expect(JSON.parse(json.stderr).error.code).toBe('PINMAP_SYNTAX');
  });

  it('limits: a pin map far too large is PINMAP_TOO_LARGE, far too deep PINMAP_TOO_DEEP; exit 2, no internal error', async () => {
    const big = file('big-pinmap.csv', 'pin,net\n' + '1,GND\n'.repeat(500_000));
    const r = await cli(['check', '--part', 'AXE540127', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[PINMAP_TOO_LARGE\]/);
    const piped = await cli(['check', '--part', 'AXE540127', '--input-format', 'csv', '-'], 'pin,net\n' + '1,GND\n'.repeat(500_000));
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/error \[PINMAP_TOO_LARGE\]/);
    const deep = await cli(['check', '--part', 'AXE540127', file('deep.json', '{"pins":' + '['.repeat(3000) + ']'.repeat(3000) + '}')]);
    expect(deep.code).toBe(2);
    expect(deep.stderr).toMatch(/error \[PINMAP_TOO_DEEP\]/);
    expect(deep.stderr).not.toMatch(/stack|Maximum call/i);
  });

  it('--part that disagrees with the netlist (or the pin map with the netlist) is reported, not silently taken', async () => {
    const net = 'test/fixtures/kicad/a4s-j2.net'; // J2's value is AXE510127
    const r = await cli(['check', '--netlist', net, '--ref', 'J2', '--part', 'AXE540127']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[PINMAP_FIELD\]: .*AXE510127.*AXE540127/);
    expect((await cli(['check', '--netlist', net, '--ref', 'J2', '--part', 'axe510127'])).code).toBe(0);
    const doc = file('j2.yaml', 'part: AXE540127\npins: {}\n');
    const fromFile = await cli(['check', doc, '--netlist', net, '--ref', 'J2']);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toMatch(/error \[PINMAP_FIELD\]: .*AXE510127.*AXE540127/);
  });

  it('--format with --json is a usage error, not a silent choice', async () => {
    const r = await cli(['check', '--part', 'AXE510127', clean, '--format', 'md', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/BAD_OPTION.*--json.*--format|BAD_OPTION.*--format.*--json/);
    const b = await cli(['bom', file('fj.csv', 'MPN\nAXE540127\n'), '--format', 'html', '--json']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/BAD_OPTION/);
  });

  it('control characters in user text are escaped in text and Markdown reports, HTML stays escaped', async () => {
    const path = file('ctl.csv', 'pin,net,currentA,voltageV,kind\n1,"\u001b[2J\u001b]0;pwned\u0007EVIL\u009b31m",0.5,4,power\n10,GND,,,ground\n');
    for (const format of ['text', 'md']) {
      const r = await cli(['check', '--part', 'AXE510127', path, '--format', format]);
      expect(r.stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(r.stdout, format).toMatch(/\\x1B\[2J/);
      expect(r.stdout, format).toMatch(/EVIL\\x9B31m/);
    }
    const html = (await cli(['check', '--part', 'AXE510127', path, '--format', 'html'])).stdout;
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(html).toMatch(/EVIL/);
    const bom = await cli(['bom', file('ctl-bom.csv', 'MPN,Qty\n"AXE5\u001b[31m",1\n')]);
    expect(bom.stdout).not.toMatch(/\u001b/);
    expect(bom.stdout).toMatch(/\\x1B/);
    const header = await cli(['bom', file('ctl-header.csv', 'Ref,\u001b]0;x\u0007MPN\nJ1,AXE540127\n'), '--column', 'PN']);
    expect(header.code).toBe(2);
    expect(header.stderr).toMatch(/BOM_COLUMN_NOT_FOUND/);
    expect(header.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('--schema prints the JSON Schema; --help documents the command', async () => {
    expect(JSON.parse((await cli(['check', '--schema'])).stdout).properties).toHaveProperty('pins');
    const help = await cli(['check', '--help']);
    expect(help.stdout).toMatch(/--netlist/);
    expect(help.stdout).toMatch(/Exit code/);
  });
});

describe('a4s bom', () => {
  it('streams a large BOM and reports the A4S lines', async () => {
    const lines = ['Reference,Value,Qty,MPN'];
    for (let i = 0; i < 20_000; i++)
      lines.push(i % 1000 === 0 ? `J${i},Conn,1,AXE540127` : i % 1000 === 1 ? `P${i},Conn,1,AXE640124` : `R${i},10k,1,RC0402FR-0710KL`);
    lines.push('X1,"broken,1,AXE540127');
    const path = file('big.csv', lines.join('\n') + '\n');
    const r = await cli(['bom', path, '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.lines).toBe(20_000);
    expect(report.a4sLines).toBe(40);
    expect(report.parts.map((p: { partNumber: string; quantity: number }) => [p.partNumber, p.quantity])).toEqual([
      ['AXE540127', 20],
      ['AXE640124', 20],
    ]);
    expect(report.findings.find((f: { code: string }) => f.code === 'BOM_LINE_UNREADABLE').lines).toEqual([20_002]);
    expect(r.code).toBe(1);
  });

  it('an unclosed quote costs its own line only: reported where it opened, the lines after it read', async () => {
    const path = file('quote.csv', 'Ref,MPN,Qty\nJ1,"AXE540127,1\nJ2,AXE640124,1\nJ3,AXE540127,1\nJ4,AXE640124,1\n');
    const report = JSON.parse((await cli(['bom', path, '--json'])).stdout);
    expect(report.lines).toBe(3);
    expect(report.findings.filter((f: { code: string }) => f.code === 'BOM_LINE_UNREADABLE').map((f: { lines: number[] }) => f.lines)).toEqual([[2]]);
    expect(report.parts.map((p: { partNumber: string; lines: number[] }) => [p.partNumber, p.lines])).toEqual([
      ['AXE540127', [4]],
      ['AXE640124', [3, 5]],
    ]);
    const text = await cli(['bom', path]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/Unreadable lines\s+1 \(line 2\)/);
    const tsv = file('quote.tsv', 'Ref\tMPN\tNote\n"J1\tJ2"\tAXE540127\t"two\nlines"\nJ3\t"AXE640124\t1\nJ4\tAXE640124\tx\n');
    const t = JSON.parse((await cli(['bom', tsv, '--json'])).stdout);
    expect(t.parts.map((p: { partNumber: string; quantity: number; lines: number[] }) => [p.partNumber, p.quantity, p.lines])).toEqual([
      ['AXE540127', 2, [2]],
      ['AXE640124', 1, [5]],
    ]);
    expect(t.findings.filter((f: { code: string }) => f.code === 'BOM_LINE_UNREADABLE').map((f: { lines: number[] }) => f.lines)).toEqual([[4]]);
  });

  it('--mate, --column and exit codes', async () => {
    const a = file('a.csv', 'Ref,PN\nJ1,AXE540127\n');
    const b = file('b.csv', 'Ref,PN\nJ1,AXE640124\n');
    const alone = await cli(['bom', a, '--column', 'PN', '--json']);
    expect(JSON.parse(alone.stdout).findings.map((f: { code: string }) => f.code)).toContain('BOM_MATE_MISSING');
    const paired = await cli(['bom', a, '--mate', b, '--column', 'PN', '--json']);
    expect(paired.code).toBe(0);
    expect(JSON.parse(paired.stdout).findings.map((f: { code: string }) => f.code)).not.toContain('BOM_MATE_MISSING');
    const noColumn = await cli(['bom', a, '--column', 'MPN']);
    expect(noColumn.code).toBe(2);
    expect(noColumn.stderr).toMatch(/BOM_COLUMN_NOT_FOUND/);
    const xlsx = await cli(['bom', file('x.xlsx', 'PK')]);
    expect(xlsx.code).toBe(2);
    expect((await cli(['bom', '--help'])).stdout).toMatch(/--mate/);
  });

  it('--mate checks the other board as fully as this one: its findings, labelled, and the exit code', async () => {
    const main = file('main.csv', 'Designator,Footprint,MPN,Qty\nJ1,AXE540127,AXE540127,1\n');
    // A 1.0 mm header ordered on the FPC against a 0.8 mm footprint: an error of fpc.csv alone.
    const fpc = file('fpc.csv', 'Designator,Footprint,MPN,Qty\nP1,AXE640124,AXE640224,1\n');
    const alone = await cli(['bom', fpc]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toMatch(/BOM_LINE_PART_CONFLICT/);
    const paired = await cli(['bom', main, '--mate', fpc]);
    expect(paired.code).toBe(1);
    expect(paired.stdout).toMatch(/\[BOM_LINE_PART_CONFLICT\] \S*fpc\.csv · line 2/);
    expect(paired.stdout).toMatch(/AXE540127 +\S*main\.csv +AXE640224 +\S*fpc\.csv +1\.0 mm/);
    const json = JSON.parse((await cli(['bom', main, '--mate', fpc, '--json'])).stdout);
    expect(json.mate.findings.map((f: { code: string }) => f.code)).toContain('BOM_LINE_PART_CONFLICT');
    expect(json.summary.errors).toBe(1);
    expect(json.pairs[0].matedHeightMm).toBe(1);
    // The other board from standard input: the same report.
    const stdin = await cli(['bom', main, '--mate', '-', '--json'], 'Designator,Footprint,MPN,Qty\nP1,AXE640124,AXE640224,1\n');
    expect(JSON.parse(stdin.stdout).mate).toEqual(json.mate);
    expect((await cli(['bom', '-', '--mate', '-'])).code).toBe(2);
    expect((await cli(['bom', main, '--mate-column', 'MPN'])).code).toBe(2);
    expect((await cli(['bom', main, '--mate-fixture'])).code).toBe(2);
    // --fixture is this board's; the other board is a production BOM unless --mate-fixture.
    const fixture = file('fixture.csv', 'Footprint,MPN,Qty\nAXE540127,AXE5E4026,1\n');
    const product = file('product.csv', 'MPN,Qty\nAXE6E4026,1\n');
    const one = await cli(['bom', fixture, '--fixture', '--boards', '50', '--mate', product, '--json']);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).mate.findings.map((f: { code: string }) => f.code)).toContain('BOM_INSPECTION_PART');
    expect((await cli(['bom', fixture, '--fixture', '--boards', '50', '--mate', product, '--mate-fixture'])).code).toBe(0);
  });
});

describe('a4s order', () => {
  it('reels, cartons, suggestion; JSON; a bad quantity is exit 2', async () => {
    const r = await cli(['order', 'AXE540127', '12000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AXE540127\s+8 mm\s+5,000\s+3\s+15,000\s+3,000/);
    expect(r.stdout).toMatch(/Suggestion: AXE540127D/);
    const json = JSON.parse((await cli(['order', 'AXE5E4026', '10', '--json'])).stdout);
    expect(json.orderPieces).toBe(50);
    for (const args of [
      ['order', 'AXE540127', '12.000'],
      ['order', 'AXE540127', '12,00'],
      ['order', 'AXE540127', '0'],
      ['order', 'AXE540127', 'x'],
      ['order', 'xyz', 'x'],
    ]) {
      const bad = await cli(args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(/error \[ORDER_BAD_QUANTITY\]/);
      noStack(bad.stderr);
    }
    expect((await cli(['order', '--help'])).stdout).toMatch(/outer cartons/);
  });

  it('an invalid part number is exit 1, as for mate, dims, footprint and model', async () => {
    for (const pn of ['xyz', 'AXE540128']) {
      const r = await cli(['order', pn, '5']);
      expect(r.code, pn).toBe(1);
      expect(r.code).toBe((await cli(['mate', pn])).code);
      expect(r.stderr).toMatch(/^error \[[A-Z_]+\]/);
      noStack(r.stderr);
    }
    const json = await cli(['order', 'AXE540128', '5', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr).error.code).toBe('BAD_VARIANT');
  });

  it('below one reel: rounded up to the reel; the sample hint only when most of the reel would be left over', async () => {
    const production = await cli(['order', 'AXE540127D', '12000']);
    expect(production.code).toBe(0);
    expect(production.stdout).not.toMatch(/sample/i);
    expect(production.stdout).toMatch(/rounded up to 1 reel of 15,000 pieces.*3,000 left over/);
    const samples = await cli(['order', 'AXE540127', '100']);
    expect(samples.stdout).toMatch(/sales representative/);
    expect(samples.stdout).toMatch(/50-piece/);
  });
});
