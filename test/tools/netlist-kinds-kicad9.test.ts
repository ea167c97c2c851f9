/**
 * Kinds from netlist pin types on a netlist KiCad 9 writes now: `kicad-cli sch export netlist` of our
 * schematic test/fixtures/kicad/evidence/rails.kicad_sch (a regulator's power_out and an IC's power_in
 * on rails whose names the guesser does not know). Fails when kicad-cli is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPinMap, inferKind, parseKicadNetlist, pinMapFromNetlist } from '../../src/checks/index.js';

const dir = mkdtempSync(join(tmpdir(), 'a4s-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exportNetlist(): string {
  const out = join(dir, 'rails.net');
  const r = spawnSync('kicad-cli', ['sch', 'export', 'netlist', '--format', 'kicadsexpr', '-o', out, 'test/fixtures/kicad/evidence/rails.kicad_sch'], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir },
  });
  if (r.error) throw new Error(`kicad-cli is needed for this test: ${r.error.message}`);
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('kicad-cli (KiCad 9) netlist: kinds from the pin types of every node on the net', () => {
  it('power_out/power_in make ZAP and QRAIL supplies, GND ground; MYSTERY (bidirectional) stays unknown', () => {
    const text = exportNetlist();
    expect(text).toMatch(/\(tool "Eeschema 9\./);
    // The names alone say nothing.
    for (const n of ['ZAP', 'QRAIL', 'MYSTERY']) expect(inferKind(n)).toBe('unknown');
    const j1 = parseKicadNetlist(text, 'J1');
    if (!j1.ok) throw new Error(j1.error.message);
    expect(j1.value.netPinTypes?.ZAP).toEqual(['passive', 'power_in', 'power_out']);
    const report = checkPinMap(pinMapFromNetlist(j1.value, null));
    const kinds = Object.fromEntries(report.summary.nets.map((n) => [n.net, `${n.kind} (${n.kindSource})`]));
    expect(kinds).toEqual({
      GND: 'ground (netlist pin types)',
      MYSTERY: 'unknown (unknown)',
      NC_A: 'unknown (unknown)',
      QRAIL: 'power (netlist pin types)',
      ZAP: 'power (netlist pin types)',
    });
    // MYSTERY (pin 5) and NC_A (pin 6) meet when plugged reversed: the verdict is qualified, not clean.
    expect(report.summary.errors).toBe(0);
    expect(report.summary.verdict).toBe('qualified');
    expect(report.summary.reversal).toBe('safe for known kinds');
    expect(report.findings.find((f) => f.code === 'NET_KIND_UNKNOWN')?.nets).toEqual(['MYSTERY', 'NC_A']);
  });
});
