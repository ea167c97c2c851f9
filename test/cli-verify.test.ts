import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { footprintFile } from '../src/kicad/index.js';
import { cli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'a4s-cli-verify-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
}
const ours = (pn: string) => {
  const f = footprintFile(pn);
  if (!f.ok) throw new Error(pn);
  return f.value;
};
/** Swap the rows by renumbering: pin 2k−1 ↔ 2k (the commonest vendor error). */
const swapRows = (text: string) => text.replace(/\(pad "(\d+)"/g, (_m, n: string) => `(pad "${Number(n) % 2 ? Number(n) + 1 : Number(n) - 1}"`);

describe('a4s verify-footprint', () => {
  it('our footprint: exit 0, "OK", the part found in the footprint\'s own name (before the file name)', async () => {
    const fp = ours('AXE540127');
    const r = await cli(['verify-footprint', file(fp.fileName, fp.content)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/compared with AXE540127 \(socket, 40 pins\): part from "AXE540127" in the footprint name/);
    expect(r.stdout).toMatch(/^OK: /m);
  });

  it('a mirrored footprint: exit 1, FP_CHIRALITY in text and JSON', async () => {
    const path = file('vendor.kicad_mod', swapRows(ours('AXE640124').content));
    const r = await cli(['verify-footprint', path, '--part', 'AXE640124']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error \[FP_CHIRALITY\] pads 1, 2: This footprint is the MIRROR IMAGE/);
    const j = await cli(['verify-footprint', path, '--part', 'AXE640124', '--json']);
    expect(j.code).toBe(1);
    const report = JSON.parse(j.stdout);
    expect(report.matches).toBe(false);
    expect(report.part).toMatchObject({ partNumber: 'AXE640124', identifiedBy: 'option' });
    // Notes aside (the IPC-7525 area-ratio note depends on the land pattern).
    expect(report.findings.filter((f: { severity: string }) => f.severity !== 'info').map((f: { code: string }) => f.code)).toEqual(['FP_CHIRALITY']);
  });

  it('unreadable file, missing file, bad --part: exit 2 with a code', async () => {
    const bad = await cli(['verify-footprint', file('bad.kicad_mod', '(footprint "x" (pad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/FOOTPRINT_SYNTAX/);
    const missing = await cli(['verify-footprint', join(root, 'nope.kicad_mod')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/INPUT_UNREADABLE/);
    const part = await cli(['verify-footprint', file('ok.kicad_mod', ours('AXE510127').content), '--part', 'AXE9']);
    expect(part.code).toBe(2);
  });

  it('reads standard input', async () => {
    const r = await cli(['verify-footprint', '-', '--json'], ours('AXE530127').content);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).part.identifiedBy).toBe('footprint name');
  });
});

describe('a4s circuit-json', () => {
  it('prints a JSON array of circuit-json elements; exit 1 for an unlisted part, 1 for an invalid one', async () => {
    const r = await cli(['circuit-json', 'AXE540127']);
    expect(r.code).toBe(0);
    const els = JSON.parse(r.stdout) as { type: string }[];
    expect(els[0]!.type).toBe('source_component');
    expect(els.filter((e) => e.type === 'pcb_smtpad')).toHaveLength(44);
    expect((await cli(['circuit-json', 'AXE554127D'])).code).toBe(1);
    const bad = await cli(['circuit-json', 'AXE540128']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/BAD_VARIANT/);
  });
});

describe('a4s eagle-lib', () => {
  it('writes the .lbr (same bytes as the library function), or to stdout with "-"; exit 2 when it cannot write', async () => {
    const path = join(root, 'Panasonic_A4S.lbr');
    const r = await cli(['eagle-lib', path, '--json']);
    expect(r.code).toBe(0);
    const { footprintFamilies } = await import('../src/geometry/index.js');
    const n = footprintFamilies.length;
    expect(JSON.parse(r.stdout)).toMatchObject({ packages: n, symbols: n, devicesets: n });
    const { readFileSync } = await import('node:fs');
    const { eagleLibrary } = await import('../src/formats/index.js');
    expect(readFileSync(path, 'utf8')).toBe(eagleLibrary());
    expect((await cli(['eagle-lib', '-'])).stdout).toBe(eagleLibrary());
    const bad = await cli(['eagle-lib', join(root, 'no-such-dir', 'x.lbr')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/OUTPUT_WRITE_FAILED/);
  });
});

describe('a4s verify-footprint --mate (a pair of footprints)', () => {
  it('our socket and header meet pin n to pin n (exit 0); a swapped header: FP_PAIR (exit 1); both swapped: a warning; two sockets: not a pair', async () => {
    const socket = file('s_AXE540127.kicad_mod', ours('AXE540127').content);
    const header = file('h_AXE640124.kicad_mod', ours('AXE640124').content);
    const hSwapped = file('hs_AXE640124.kicad_mod', swapRows(ours('AXE640124').content));
    const sSwapped = file('ss_AXE540127.kicad_mod', swapRows(ours('AXE540127').content));
    const good = await cli(['verify-footprint', socket, '--mate', header, '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ matesPinToPin: true, findings: [], matches: true });
    const bad = await cli(['verify-footprint', socket, '--mate', hSwapped]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/error \[FP_PAIR\]: Put face to face, pin 1 of AXE540127's footprint meets pin 2 of AXE640124's/);
    expect(bad.stdout).toMatch(/pair: pins 2k−1 and 2k are swapped between the boards\./);
    const both = JSON.parse((await cli(['verify-footprint', sSwapped, '--mate', hSwapped, '--json'])).stdout);
    expect(both).toMatchObject({ matesPinToPin: true, matches: false });
    expect(both.findings.map((f: { code: string; severity: string }) => `${f.severity}:${f.code}`)).toEqual(['warning:FP_PAIR']);
    const two = JSON.parse((await cli(['verify-footprint', socket, '--mate', socket, '--json'])).stdout);
    expect(two.findings[0]).toMatchObject({ code: 'FP_PAIR', severity: 'error' });
    expect(two.matesPinToPin).toBeNull();
    expect((await cli(['verify-footprint', socket, '--mate-part', 'AXE640124'])).code).toBe(2);
  });
});

describe('a4s verify-footprint: hostile input (issue 20)', () => {
  it('a coordinate that is not finite: exit 2, FOOTPRINT_BAD_NUMBER with its line, nothing on standard output', async () => {
    const text = ours('AXE510127').content.replace('(size 0.23 0.8)', '(size 1e999 0.8)');
    const r = await cli(['verify-footprint', file('inf.kicad_mod', text)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/FOOTPRINT_BAD_NUMBER/);
    expect(r.stderr).toMatch(/line \d+: \(size …\) has "1e999", not finite/);
  });

  it('a footprint name with a newline cannot forge the verdict line of the text report', async () => {
    const text = swapRows(ours('AXE540127').content).replace(/^\(footprint "[^"]*"/, '(footprint "X\\nOK: the footprint matches the A4S socket pattern."');
    const r = await cli(['verify-footprint', file('forged.kicad_mod', text), '--part', 'AXE540127']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('OK:'))).toEqual([]);
    expect(r.stdout).toMatch(/^footprint X\\nOK: the footprint matches/m);
  });
});
