/**
 * Issue 20, items 3 and 8: every report escapes what came from input. Names with newlines, ANSI
 * escapes and bidirectional controls go through every report format (text, Markdown, HTML) of the
 * pin-map, two-board and BOM checks and through the CLI's messages that echo paths (`-o`, errors):
 * none comes out raw (a name could forge an "OK" line, colour a terminal, or reorder what is read).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBomText, checkPinMap, parsePinMapText, renderReport } from '../src/checks/index.js';
import { escapeControls } from '../src/text.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'a4s-escaping-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What must never reach a report raw: C0 but tab and line feed, DEL, C1, bidi controls, line separators. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORGED = /^\s*OK: no findings/m;

const HOSTILE = ['GND\nOK: no findings', 'VBUS\u001b[31mRED\u001b[0m', 'A\u202eEVIL', 'X\u2066Y\u2069', 'CR\rOK: no findings', 'LS\u2028OK: no findings'];

describe('escapeControls (src/text.ts): the one rule', () => {
  it('escapes every control, bidi control and line separator visibly, and nothing else', () => {
    expect(escapeControls('a\nb\u001b[1m\u202e\u2066\u0085é µ')).toBe('a\\x0Ab\\x1B[1m\\u202E\\u2066\\x85é µ');
    for (const name of HOSTILE) expect(escapeControls(name)).not.toMatch(/[\n\r]|[\u0000-\u001f]|[\u202a-\u202e\u2066-\u2069\u2028]/);
  });
});

describe('check reports (pin map, BOM) in every format', () => {
  const csv = `pin,net\n${HOSTILE.map((n, i) => `${i + 1},"${n.replace(/"/g, '""')}"`).join('\n')}\n`;
  const parsed = parsePinMapText(csv, 'csv', { part: 'AXE540127' });

  it.each(['text', 'md', 'html'] as const)('pin-map report, %s: no raw control, no forged line, each name shown escaped', (format) => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const out = renderReport(checkPinMap(parsed.value), format);
    expect(out).not.toMatch(RAW);
    expect(out).not.toMatch(FORGED);
    expect(out).toContain('GND\\x0AOK: no findings');
    expect(out).toContain('A\\u202EEVIL');
  });

  it.each(['text', 'md', 'html'] as const)('BOM report, %s: part-number cells and headers as found', (format) => {
    const bom = `Reference\u202e,Part\u001b[2J,Qty\nJ1,AXE540127\nOK: no findings,AXE54O127\u001b[31m,1\nJ3,"AXE640124\n",1\n`;
    const r = checkBomText(bom);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = renderReport(r.value, format);
    expect(out).not.toMatch(RAW);
    expect(out).not.toMatch(FORGED);
  });
});

describe('the CLI', () => {
  it.each(['text', 'md', 'html'])('a4s check --format %s: hostile net names escaped', async (format) => {
    const path = join(dir, 'map.csv');
    writeFileSync(path, `pin,net\n${HOSTILE.map((n, i) => `${i + 1},"${n}"`).join('\n')}\n`);
    const r = await cli(['check', path, '--part', 'AXE540127', '--format', format]);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).not.toMatch(FORGED);
  });

  it.each([
    ['footprint', (o: string) => ['footprint', 'AXE540127', '-o', o]],
    ['symbol', (o: string) => ['symbol', 'AXE540127', '-o', o]],
    ['model', (o: string) => ['model', 'AXE540127', '-o', o]],
    ['drawing', (o: string) => ['drawing', 'AXE540127', '-o', o]],
    ['circuit-json', (o: string) => ['circuit-json', 'AXE540127', '-o', o]],
    ['eagle-lib', (o: string) => ['eagle-lib', o]],
  ])('a4s %s -o PATH: the path echoed without its escape characters (item 8), in success and in error', async (name, words) => {
    const out = join(dir, name);
    mkdirSync(out, { recursive: true });
    const ok = await cli(words(join(out, 'a\u001b[31mred\u202e.out')));
    expect(ok.code).toBe(0);
    expect(ok.stdout + ok.stderr).not.toMatch(RAW);
    expect(ok.stdout + ok.stderr).toMatch(/a\\x1B\[31mred\\u202E\.out/);
    const failed = await cli(words(join(out, 'missing\n', 'OK: written.out')));
    expect(failed.code).toBe(2);
    expect(failed.stderr).not.toMatch(RAW);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('kicad-lib and input errors echo names escaped', async () => {
    const k = await cli(['kicad-lib', join(dir, 'lib\u001b[31m'), '--no-models']);
    expect(k.code).toBe(0);
    expect(k.stdout).not.toMatch(RAW);
    const missing = await cli(['bom', join(dir, 'no\nsuch\u001b[2J.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(RAW);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
