/**
 * The two-board mating check through the CLI and the API, on netlists exported by KiCad 9
 * (test/fixtures/kicad/mating, recipe in test/fixtures/kicad/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp, memoryLogger } from '../src/server/index.js';
import { CheckReportSchema } from '../src/server/schemas-modules.js';
import { cli } from './run-cli.js';

const dir = 'test/fixtures/kicad/mating';
const a4s = createApp({ logger: memoryLogger() });
const api = (body: Record<string, string>, query = '') =>
  a4s.request(`/api/check${query}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const read = (name: string) => readFileSync(`${dir}/${name}`, 'utf8');

async function viaCli(mate: string, map: boolean) {
  const r = await cli([
    'check',
    '--netlist',
    `${dir}/board.net`,
    '--ref',
    'J1',
    '--mate-netlist',
    `${dir}/${mate}`,
    '--mate-ref',
    'P1',
    ...(map ? ['--net-map', `${dir}/net-map.csv`] : []),
    '--json',
  ]);
  return { code: r.code, report: CheckReportSchema.parse(JSON.parse(r.stdout)) };
}
async function viaApi(mate: string, map: boolean) {
  const res = await api({ netlist: read('board.net'), ref: 'J1', mateNetlist: read(mate), mateRef: 'P1', ...(map ? { netMap: read('net-map.csv') } : {}) });
  expect(res.status).toBe(200);
  const report = CheckReportSchema.parse(await res.json());
  return { code: report.summary.errors > 0 ? 1 : 0, report };
}

describe('a4s check --netlist board.net --ref J1 --mate-netlist fpc.net --mate-ref P1, and POST /api/check', () => {
  it('matching netlists with different net names and --net-map: exit 0', async () => {
    for (const r of [await viaCli('fpc.net', true), await viaApi('fpc.net', true)]) {
      expect(r.code).toBe(0);
      expect(r.report.mating!.pins.every((p) => p.status === 'same' || p.status === 'mapped')).toBe(true);
      expect(r.report.part).toBe('AXE510127');
      expect(r.report.mate).toBe('AXE610124');
    }
  });

  it("a header whose netlist is a row swap of the board's: exit 1, MATED_PINOUT_SWAPPED", async () => {
    for (const r of [await viaCli('fpc-rows-swapped.net', true), await viaApi('fpc-rows-swapped.net', true)]) {
      expect(r.code).toBe(1);
      expect(r.report.findings.map((f) => f.code)).toContain('MATED_PINOUT_SWAPPED');
    }
  });

  it('pin 1 GND on one side and VBAT on the other: exit 1, MATED_NET_CONFLICT on pin 1', async () => {
    for (const r of [await viaCli('fpc-pin1-gnd.net', true), await viaApi('fpc-pin1-gnd.net', true)]) {
      expect(r.code).toBe(1);
      expect(r.report.findings.filter((f) => f.code === 'MATED_NET_CONFLICT').map((f) => f.pins)).toEqual([[1]]);
    }
  });

  it('the human report has the table of mated pins', async () => {
    const r = await cli(['check', '--netlist', `${dir}/board.net`, '--ref', 'J1', '--mate-netlist', `${dir}/fpc.net`, '--mate-ref', 'P1']);
    expect(r.stdout).toMatch(/Mated pins \(J1 pin n meets P1 pin n\)/);
    expect(r.stdout).toMatch(/3 +SDA +signal +I2C_SDA +signal +renamed/);
  });

  it('usage: --mate-netlist needs --netlist and --mate-ref; --net-map needs --mate-netlist; a bad net map is exit 2', async () => {
    expect((await cli(['check', '--mate-netlist', `${dir}/fpc.net`, '--mate-ref', 'P1'])).code).toBe(2);
    expect((await cli(['check', '--netlist', `${dir}/board.net`, '--ref', 'J1', '--mate-netlist', `${dir}/fpc.net`])).code).toBe(2);
    expect((await cli(['check', '--netlist', `${dir}/board.net`, '--ref', 'J1', '--net-map', `${dir}/net-map.csv`])).code).toBe(2);
    const bad = await cli([
      'check',
      '--netlist',
      `${dir}/board.net`,
      '--ref',
      'J1',
      '--mate-netlist',
      `${dir}/fpc.net`,
      '--mate-ref',
      'P1',
      '--net-map',
      `${dir}/board.net`,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/NET_MAP_SYNTAX/);
  });

  it('the API takes the same fields as multipart/form-data (curl -F netlist=@board.net …)', async () => {
    const form = new FormData();
    form.set('netlist', new Blob([read('board.net')]), 'board.net');
    form.set('ref', 'J1');
    form.set('mateNetlist', new Blob([read('fpc-rows-swapped.net')]), 'fpc.net');
    form.set('mateRef', 'P1');
    form.set('netMap', new Blob([read('net-map.csv')]), 'map.csv');
    const res = await a4s.request('/api/check', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const report = CheckReportSchema.parse(await res.json());
    expect(report.findings.map((f) => f.code)).toContain('MATED_PINOUT_SWAPPED');
  });

  it('the API refuses a wrong mate reference with the netlist code', async () => {
    const res = await api({ netlist: read('board.net'), ref: 'J1', mateNetlist: read('fpc.net'), mateRef: 'P9' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { code: string }).code).toBe('NETLIST_REF_NOT_FOUND');
  });
});
