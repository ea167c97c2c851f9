/**
 * Issue 8, end to end: the same pin maps through the CLI (`a4s check`) and the HTTP API
 * (`POST /api/check`) give the same answer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, memoryLogger } from '../src/server/index.js';
import { CheckReportSchema } from '../src/server/schemas-modules.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'a4s-issue8-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const a4s = createApp({ logger: memoryLogger() });
const type = (format: 'yaml' | 'json' | 'csv') => ({ yaml: 'application/yaml', json: 'application/json', csv: 'text/csv' })[format];
const post = (body: string, format: 'yaml' | 'json' | 'csv', query = '') =>
  a4s.request(`/api/check${query}`, { method: 'POST', body, headers: { 'content-type': type(format) } });

interface Answer {
  code: number;
  report: ReturnType<typeof CheckReportSchema.parse> | null;
  errorCode: string | null;
  text: string;
}

/** The CLI's answer: exit code, report or error code. */
async function viaCli(name: string, text: string, args: string[] = []): Promise<Answer> {
  const r = await cli(['check', file(name, text), '--json', ...args]);
  // With --json an input error is a JSON object on stderr: { error: { code, message } }.
  const error = r.code === 2 ? (JSON.parse(r.stderr) as { error: { code: string; message: string } }).error : null;
  return { code: r.code, report: error ? null : CheckReportSchema.parse(JSON.parse(r.stdout)), errorCode: error?.code ?? null, text: error?.message ?? '' };
}

/** The API's answer, in the same terms (a problem maps to exit code 2). */
async function viaApi(text: string, format: 'yaml' | 'json' | 'csv', query = ''): Promise<Answer> {
  const res = await post(text, format, query);
  const body = (await res.json()) as { code?: string; detail?: string };
  if (res.status !== 200) return { code: 2, report: null, errorCode: body.code ?? null, text: body.detail ?? '' };
  const report = CheckReportSchema.parse(body);
  return { code: report.summary.errors > 0 ? 1 : 0, report, errorCode: null, text: '' };
}

async function both(name: string, text: string, format: 'yaml' | 'json' | 'csv', part?: string): Promise<Answer[]> {
  return [await viaCli(name, text, part ? ['--part', part] : []), await viaApi(text, format, part ? `?part=${part}` : '')];
}

const csv40 = (over: Record<number, string>) => {
  const rows = ['pin,net,currentA,voltageV,kind'];
  for (let p = 1; p <= 40; p++)
    rows.push(over[p] ?? `${p},${[1, 2, 39, 40].includes(p) ? 'VBAT,0.1,3.8,power' : [3, 4, 37, 38].includes(p) ? 'GND,,,ground' : `D${p},,1.8,signal`}`);
  return rows.join('\n') + '\n';
};

describe('acceptance: 60 V between contacts (a4s check --part AXE640124 map.csv --json)', () => {
  it('+35 V and −30 V on contacts 20 and 22: an error naming both pins', async () => {
    for (const a of await both('hv.csv', csv40({ 20: '20,P35,,35,signal', 22: '22,N30,,-30,signal' }), 'csv', 'AXE640124')) {
      expect(a.code).toBe(1);
      const f = a.report!.findings.filter((x) => x.code === 'VOLTAGE_BETWEEN_CONTACTS');
      expect(f.map((x) => x.pins)).toEqual([[20, 22]]);
      expect(f[0]!.message).toMatch(/pin 20/);
      expect(f[0]!.message).toMatch(/pin 22/);
    }
  });
  it('+20 V and −20 V: none', async () => {
    for (const a of await both('lv.csv', csv40({ 20: '20,P20,,20,signal', 22: '22,N20,,-20,signal' }), 'csv', 'AXE640124')) {
      expect(a.code).toBe(0);
      expect(a.report!.findings.filter((x) => x.severity !== 'info')).toEqual([]);
    }
  });
});

describe('reading, CLI and API alike', () => {
  it('the YAML alias: pin 40 is GND, so VBUS on pin 1 lands on it (exit 1)', async () => {
    const pins = ['  1: VBUS', '  2: &gnd GND', ...Array.from({ length: 37 }, (_, i) => `  ${i + 3}: D${i + 3}`), '  40: *gnd'];
    const yaml = ['part: AXE540127', 'pins:', ...pins, 'nets:', '  VBUS: "0.1 A, 5 V, power"'].join('\n');
    for (const a of await both('alias.yaml', yaml, 'yaml')) {
      expect(a.code).toBe(1);
      expect(a.report!.summary.reversalSafe).toBe(false);
      expect(a.report!.findings.find((f) => f.code === 'REVERSE_INSERTION_HAZARD')!.nets).toEqual(['VBUS', 'GND']);
    }
  });

  it('duplicate keys: exit 2 with the line and the key, in YAML and JSON', async () => {
    const yaml = 'part: AXE510127\npins: { 1: V, 2: V, 3: V }\nnets: { V: "3 A, power" }\nnets: { V: "0.1 A, power" }\n';
    const json = '{"part": "AXE510127",\n"pins": {"1": "V", "2": "V"},\n"pins": {"1": "V"}}';
    for (const [name, text, format, line, key] of [
      ['dup.yaml', yaml, 'yaml', 4, 'nets'],
      ['dup.json', json, 'json', 3, 'pins'],
    ] as const) {
      for (const a of await both(name, text, format)) {
        expect(a.code).toBe(2);
        expect(a.errorCode).toBe('PINMAP_DUPLICATE_KEY');
        expect(a.text).toContain(`line ${line}`);
        expect(a.text).toContain(`"${key}"`);
      }
    }
  });

  it('a net named __proto__ keeps its nets: entry (0.9 A over 2 pins is over 0.3 A per contact)', async () => {
    const json = '{"part": "AXE510127", "pins": {"1": "__proto__", "10": "__proto__"}, "nets": {"__proto__": "0.9 A, 3.3 V, power"}}';
    const yaml = 'part: AXE510127\npins: { 1: __proto__, 10: __proto__ }\nnets: { __proto__: "0.9 A, 3.3 V, power" }\n';
    for (const a of [...(await both('proto.json', json, 'json')), ...(await both('proto.yaml', yaml, 'yaml'))]) {
      expect(a.code).toBe(1);
      expect(a.report!.findings.find((f) => f.code === 'CURRENT_PER_CONTACT')!.nets).toEqual(['__proto__']);
    }
  });

  it('VBAT 1.2 A on 4 pins and GND (no current, as the help writes it) on 2 pins: 0.6 A per GND contact', async () => {
    const pins = Array.from({ length: 40 }, (_, i) => i + 1).map(
      (p) => `  ${p}: ${[1, 2, 39, 40].includes(p) ? 'VBAT' : [3, 38].includes(p) ? 'GND' : `D${p}`}`,
    );
    const yaml = ['part: AXE540127', 'pins:', ...pins, 'nets: { VBAT: "1.2 A, 4.4 V, power", GND: { kind: ground } }'].join('\n');
    for (const a of await both('return.yaml', yaml, 'yaml')) {
      expect(a.code).toBe(1);
      const f = a.report!.findings.find((x) => x.code === 'CURRENT_PER_CONTACT')!;
      expect(f.nets).toEqual(['GND']);
      expect(f.message).toMatch(/assumed/);
    }
  });

  it('a 999 KB nested-array JSON is refused quickly (exit 2, PINMAP_TOO_LARGE)', async () => {
    const unit = '['.repeat(30) + ']'.repeat(30);
    const text = `{"pins": [${Array.from({ length: Math.ceil(999_000 / (unit.length + 1)) }, () => unit).join(',')}]}`;
    const t = performance.now();
    for (const a of await both('big.json', text, 'json')) {
      expect(a.code).toBe(2);
      expect(a.errorCode).toBe('PINMAP_TOO_LARGE');
    }
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('reverseInsertionPrevented: the hazard is a note citing the text, exit 0; --schema publishes the field', async () => {
    const yaml =
      'part: AXE510127\npins: { 1: VBAT, 10: GND, 2: GND, 9: GND }\nnets: { VBAT: "0.1 A, 3.3 V, power" }\nconditions: { reverseInsertionPrevented: "keyed stiffener" }\n';
    for (const a of await both('keyed.yaml', yaml, 'yaml')) {
      expect(a.code).toBe(0);
      const f = a.report!.findings.find((x) => x.code === 'REVERSE_INSERTION_HAZARD')!;
      expect(f.severity).toBe('info');
      expect(f.message).toContain('keyed stiffener');
    }
    const human = await cli(['check', file('keyed2.yaml', yaml)]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/NOT reversal-safe, prevented by the assembly/);
    const schema = JSON.parse((await cli(['check', '--schema'])).stdout);
    expect(schema.properties.conditions.properties).toHaveProperty('reverseInsertionPrevented');
  });
});
