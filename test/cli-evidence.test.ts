/**
 * Issue 18 through the CLI: exit 0 only for a clean verdict (no error, no net of unknown kind met),
 * --max-neighbour-v, and a net map that contradicts itself (exit 2, the line named).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'a4s-evidence-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('a4s check: verdicts that say what they rest on', () => {
  // 10 pins: FOO on 4 lands on SDA (7) when rotated; nothing says what FOO is.
  const qualified = file('qualified.yaml', 'part: AXE510127\npins: { 1: GND, 10: GND, 4: FOO, 7: SDA }\n');
  const stated = file('stated.yaml', 'part: AXE510127\npins: { 1: GND, 10: GND, 4: FOO, 7: SDA }\nnets: { FOO: signal }\n');

  it('a net of unknown kind that meets another: no error, but exit 1 and the qualified verdict in the report', async () => {
    const r = await cli(['check', qualified]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Verdict +no error, but qualified: it rests on nets of unknown kind \(FOO\)/);
    expect(r.stdout).toMatch(/Reverse insertion +reversal-safe for the nets whose kind is known/);
    expect(r.stdout).toMatch(/\[NET_KIND_UNKNOWN\]/);
    const json = JSON.parse((await cli(['check', qualified, '--json'])).stdout);
    expect(json.summary.verdict).toBe('qualified');
    expect(json.summary.nets.find((n: { net: string }) => n.net === 'FOO')).toMatchObject({ kind: 'unknown', kindSource: 'unknown' });
  });

  it('the same map with the kind stated: exit 0', async () => {
    const r = await cli(['check', stated]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Verdict +clean/);
  });

  it('--max-neighbour-v: neighbours further apart than the margin are a warning', async () => {
    const map = file('hv.yaml', 'part: AXE510127\npins: { 1: GND, 10: GND, 3: P24, 5: N0 }\nnets: { P24: "24 V, signal", N0: "0 V, signal" }\n');
    const none = JSON.parse((await cli(['check', map, '--json'])).stdout);
    expect(none.findings.map((f: { code: string }) => f.code)).not.toContain('NEIGHBOUR_VOLTAGE');
    const r = JSON.parse((await cli(['check', map, '--json', '--max-neighbour-v', '12'])).stdout);
    expect(r.findings.filter((f: { code: string }) => f.code === 'NEIGHBOUR_VOLTAGE').map((f: { pins: number[] }) => f.pins)).toEqual([
      [1, 3],
      [3, 5],
    ]); // GND (0 V) on 1 and N0 on 5 are both P24's neighbours
    expect((await cli(['check', map, '--max-neighbour-v', 'x'])).code).toBe(2);
  });

  it('a supply with no current: exit 0, but the verdict is "clean for stated values" and names it; with the current, clean', async () => {
    // 10 pins: VCC on 2 and 9, GND on 1 and 10 (each lands on itself rotated), SDA and SCL facing each other.
    const pins = 'part: AXE510127\npins: { 1: GND, 10: GND, 2: VCC, 9: VCC, 3: SDA, 8: SCL, 4: NC, 5: NC, 6: NC, 7: NC }\n';
    const missing = file('missing.yaml', `${pins}nets: { VCC: "3.3 V, power", GND: "0.4 A, ground" }\n`);
    const r = await cli(['check', missing]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Verdict +clean for stated values: no current for VCC; see NET_VALUES_MISSING/);
    const json = JSON.parse((await cli(['check', missing, '--json'])).stdout);
    expect([json.summary.verdict, json.summary.noCurrentNets, json.summary.noVoltageNets]).toEqual(['clean for stated values', ['VCC'], []]);
    // 0.8 A over VCC's 2 pins is 0.4 A per contact, over the 0.3 A rating: the error the blank hid.
    const given = JSON.parse(
      (await cli(['check', file('given.yaml', `${pins}nets: { VCC: "0.8 A, 3.3 V, power", GND: "0.4 A, ground" }\n`), '--json'])).stdout,
    );
    expect(given.summary.verdict).toBe('errors');
    expect(given.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { code: string }) => f.code)).toEqual(['CURRENT_PER_CONTACT']);
    const fine = JSON.parse((await cli(['check', file('fine.yaml', `${pins}nets: { VCC: "0.2 A, 3.3 V, power", GND: "0.2 A, ground" }\n`), '--json'])).stdout);
    expect(fine.summary.verdict).toBe('clean');
  });

  it('two KiCad netlists carry no currents: the matching pair is exit 0, "clean for stated values", naming VBAT and GND', async () => {
    const m = 'test/fixtures/kicad/mating';
    const args = ['check', '--netlist', `${m}/board.net`, '--ref', 'J1', '--mate-netlist', `${m}/fpc.net`, '--mate-ref', 'P1', '--net-map', `${m}/net-map.csv`];
    const r = await cli([...args, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.summary.verdict).toBe('clean for stated values');
    expect(json.summary.noCurrentNets).toEqual(['GND', 'VBAT']);
    expect(json.summary.noVoltageNets).toEqual(['VBAT']);
  });

  it('a net map declaring a supply and ground one net: exit 2, NET_MAP_CONTRADICTION with the line', async () => {
    const m = 'test/fixtures/kicad/mating';
    const map = file('bad-map.csv', 'board,mate\nSDA,I2C_SDA\nVBAT,GND\n');
    const r = await cli(['check', '--netlist', `${m}/board.net`, '--ref', 'J1', '--mate-netlist', `${m}/fpc.net`, '--mate-ref', 'P1', '--net-map', map]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[NET_MAP_CONTRADICTION\]: .*bad-map\.csv:3: Net map line 3 \(VBAT,GND\)/);
  });
});
