/**
 * Issue 22, item 3: one grammar per option. The options the CLI, the API and the page share
 * (src/options.ts, OPTIONS) give the same accept/refuse, the same parsed value, the same code and the
 * same message (but for how each face names the option) on the three faces: the CLI in-process
 * (runCli), the API in-process (the hono app's request), the page's input parsing (pageOption, what
 * src/web/views/bom.ts and part.ts call). Before, the CLI took `12,000` boards and pieces and the
 * API refused them, each with its own wording.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SANE } from '../src/checks/index.js';
import { MAX_ORDER_PIECES } from '../src/order/index.js';
import { OPTIONS, optionExpected, optionPattern, parseOption, type OptionName } from '../src/options.js';
import { createApp } from '../src/server/index.js';
import { pageOption } from '../src/web/options.js';
import { queryOf } from '../src/web/url.js';
import { cli } from './run-cli.js';

const app = createApp({});
const dir = mkdtempSync(join(tmpdir(), 'a4s-options-'));
const bomFile = join(dir, 'bom.csv');
const BOM = 'Ref,Qty,MPN\nJ1,1,AXE540127\n';
writeFileSync(bomFile, BOM);
const mapFile = join(dir, 'map.csv');
writeFileSync(mapFile, 'pin,net,currentA\n1,GND,\n2,VBAT,0.2\n3,VBAT,0.2\n');
const MAP_JSON = JSON.stringify({ part: 'AXE540127', pins: { 1: { net: 'GND' }, 2: { net: 'VBAT', currentA: 0.2 }, 3: { net: 'VBAT', currentA: 0.2 } } });

/** One face's answer: the parsed value (as the face reports it) or the error's code and message without the option's name. */
type Answer = { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** The message with the face's name of the option cut off its start (each face names it its own way). */
function tail(message: string, label: string): string {
  expect(message.startsWith(`${label} `), `"${message}" names the option ${label}`).toBe(true);
  return message.slice(label.length + 1);
}

async function cliAnswer(args: string[], label: string, value: (stdout: string) => unknown): Promise<Answer> {
  const r = await cli(args);
  if (r.code !== 2) {
    expect(r.stderr, args.join(' ')).toBe('');
    return { ok: true, value: value(r.stdout) };
  }
  // With --json the error is JSON on standard error.
  const { error } = JSON.parse(r.stderr) as { error: { code: string; message: string } };
  return { ok: false, code: error.code, message: tail(error.message, label) };
}

async function apiAnswer(res: Response, label: string, value: (body: unknown) => unknown): Promise<Answer> {
  if (res.status === 200) return { ok: true, value: value(await res.json()) };
  expect(res.status).toBe(400);
  const p = (await res.json()) as { code: string; detail: string };
  return { ok: false, code: p.code, message: tail(p.detail, label) };
}

function pageAnswer(name: OptionName, text: string): Answer {
  const r = pageOption(name, text);
  return r.ok ? { ok: true, value: r.value } : { ok: false, code: r.error.code, message: tail(r.error.message, OPTIONS[name].page) };
}

const COUNT_INPUTS = [
  '1',
  '12000',
  '12,000',
  '12 000',
  '12_000',
  "12'000",
  '1,000,000,000',
  '  7  ',
  '007',
  '0',
  '1000000001',
  '99999999999',
  '9'.repeat(400),
  '12.5',
  '5.0',
  '12.000',
  '12,00',
  '1,2000',
  '12,000 000',
  '1e3',
  '0x10',
  '',
  '   ',
  '-1',
  '+5',
  'abc',
  'Infinity',
];
const DECIMAL_INPUTS = [
  '50',
  '0.5',
  '.5',
  '5.',
  ' 50 ',
  '+5',
  '1000000',
  '0',
  '-1',
  '1e3',
  '0x10',
  '',
  '  ',
  '12,000',
  '12,5',
  '1000001',
  'NaN',
  'Infinity',
  '9'.repeat(400),
];

const withValue = (arg: string, text: string) => `${arg}=${text}`;
const url = (text: string) => encodeURIComponent(text);

describe('one grammar per option, the same on the CLI, the API and the page', () => {
  it('the bounds are the ones the core states (the order bound, the pin-map document’s sanity bounds)', () => {
    expect(OPTIONS.quantity.max).toBe(MAX_ORDER_PIECES);
    expect(OPTIONS.boards.max).toBe(MAX_ORDER_PIECES);
    expect(OPTIONS.irDropThresholdMv.max).toBe(SANE.millivolts);
    expect(OPTIONS.maxNeighbourV.max).toBe(SANE.voltageV);
  });

  it('the pattern the OpenAPI document states matches every value the parser takes, and none it refuses for its form', () => {
    for (const [spec, inputs] of [
      [OPTIONS.quantity, COUNT_INPUTS],
      [OPTIONS.irDropThresholdMv, DECIMAL_INPUTS],
    ] as const) {
      const pattern = new RegExp(optionPattern(spec));
      for (const text of inputs) {
        const parsed = parseOption(spec, 'x', text);
        if (parsed.ok) expect(pattern.test(text), text).toBe(true);
        // Out of range is the bounds' refusal, not the form's: the pattern says only the form.
        else if (!/^\s*[+-]?\d+\s*$/.test(text.replace(/[,_' ]/g, ''))) expect(pattern.test(text), text).toBe(false);
      }
    }
  });

  it('the messages say what each option takes (written out here, not taken from the code)', () => {
    expect(optionExpected(OPTIONS.boards)).toBe(
      'is not a whole number from 1 to 1,000,000,000 (digits, which may be grouped by threes: 12000, 12,000, 12 000).',
    );
    expect(optionExpected(OPTIONS.irDropThresholdMv)).toBe('is not a decimal number greater than 0 to 1000000.');
    expect(optionExpected(OPTIONS.maxNeighbourV)).toBe('is not a decimal number greater than 0 to 100000.');
  });

  it('boards: a4s bom --boards, POST /api/bom?boards=, the BOM page’s "Boards to build"', async () => {
    for (const text of COUNT_INPUTS) {
      const fromCli = await cliAnswer(['bom', bomFile, '--json', withValue('--boards', text)], '--boards', (out) => JSON.parse(out).boards);
      const fromApi = await apiAnswer(
        await app.request(`/api/bom?boards=${url(text)}`, { method: 'POST', body: BOM, headers: { 'content-type': 'text/csv' } }),
        'query parameter boards',
        (body) => (body as { boards: number }).boards,
      );
      const fromPage = pageAnswer('boards', text);
      expect(fromApi, `API, boards "${text}"`).toEqual(fromCli);
      expect(fromPage, `page, boards "${text}"`).toEqual(fromCli);
      if (!fromCli.ok) expect(fromCli.message, text).toBe(`"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" ${optionExpected(OPTIONS.boards)}`);
    }
  });

  it('order quantity: a4s order PN QTY, GET /api/order?qty=, the part page’s "Pieces needed"', async () => {
    for (const text of COUNT_INPUTS) {
      // `--` so that "-1" reaches the command as its quantity, not as an option.
      const fromCli = await cliAnswer(['order', 'AXE540127', '--json', '--', text], 'quantity', (out) => JSON.parse(out).requestedPieces);
      const fromApi = await apiAnswer(await app.request(`/api/order?pn=AXE540127&qty=${url(text)}`), 'query parameter qty', (body) => {
        return (body as { requestedPieces: number }).requestedPieces;
      });
      const fromPage = pageAnswer('quantity', text);
      expect(fromApi, `API, qty "${text}"`).toEqual(fromCli);
      expect(fromPage, `page, quantity "${text}"`).toEqual(fromCli);
    }
  });

  it('IR-drop threshold: a4s check --ir-drop-threshold-mv, POST /api/check?ir-drop-threshold-mv= (the page sets it in the pin-map document)', async () => {
    for (const text of DECIMAL_INPUTS) {
      const thresholds = (report: unknown) => (report as { thresholds: unknown }).thresholds;
      const fromCli = await cliAnswer(
        ['check', mapFile, '--part', 'AXE540127', '--json', withValue('--ir-drop-threshold-mv', text)],
        '--ir-drop-threshold-mv',
        (out) => thresholds(JSON.parse(out)),
      );
      const fromApi = await apiAnswer(
        await app.request(`/api/check?ir-drop-threshold-mv=${url(text)}`, { method: 'POST', body: MAP_JSON, headers: { 'content-type': 'application/json' } }),
        'query parameter ir-drop-threshold-mv',
        thresholds,
      );
      expect(fromApi, `API, ir-drop-threshold-mv "${text}"`).toEqual(fromCli);
    }
  });

  it('neighbour margin: a4s check --max-neighbour-v (the API and the page set maxNeighbourV in the pin-map document)', async () => {
    for (const text of DECIMAL_INPUTS) {
      const r = await cliAnswer(['check', mapFile, '--part', 'AXE540127', '--json', withValue('--max-neighbour-v', text)], '--max-neighbour-v', () => true);
      const accepted = /^\s*(50|0\.5|\.5|5\.|\+5)\s*$/.test(text);
      expect(r.ok, text).toBe(accepted);
      if (!r.ok)
        expect(r, text).toEqual({
          ok: false,
          code: 'BAD_OPTION',
          message: `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" ${optionExpected(OPTIONS.maxNeighbourV)}`,
        });
    }
  });

  it('the part filters (pins, min-signals, role, height): a4s parts, GET /api/parts, the page’s URL (one parser, partQueryFromFilters)', async () => {
    const cases: [string, string][] = [
      ['pins', '40'],
      ['pins', ' 40 '],
      ['pins', 'abc'],
      ['pins', '0'],
      ['pins', '4e1'],
      ['pins', '0x28'],
      ['pins', '40.0'],
      ['pins', ''],
      ['pins', '1000'],
      ['min-signals', '30'],
      ['min-signals', '-3'],
      ['min-signals', '1,000'],
      ['role', 'socket'],
      ['role', 'plug'],
      ['height', '1'],
      ['height', '0.9'],
      ['packaging', 'reel'],
    ];
    for (const [name, text] of cases) {
      // The parts found: the CLI prints the list, the API wraps it ({ count, parts }).
      const numbers = (parts: unknown) => (parts as { partNumber: string }[]).map((p) => p.partNumber);
      const fromCli = await cliAnswer(['parts', '--json', withValue(`--${name}`, text)], `--${name}`, (out) => numbers(JSON.parse(out)));
      const fromApi = await apiAnswer(await app.request(`/api/parts?${name}=${url(text)}`), `query parameter ${name}`, (body) =>
        numbers((body as { parts: unknown }).parts),
      );
      const page = queryOf({ [name]: text });
      expect(fromApi, `API, ${name} "${text}"`).toEqual(fromCli);
      if (fromCli.ok) expect(page.error, `page, ${name} "${text}"`).toBeNull();
      else expect({ ok: false, code: 'BAD_OPTION', message: tail(page.error ?? '', name) }, `page, ${name} "${text}"`).toEqual(fromCli);
    }
  });

  it('what each count form means, on every face (spot checks written out)', async () => {
    const cases: [string, Answer][] = [
      ['12,000', { ok: true, value: 12000 }],
      ['12 000', { ok: true, value: 12000 }],
      ['  7  ', { ok: true, value: 7 }],
      ['1e3', { ok: false, code: 'ORDER_BAD_QUANTITY', message: expect.stringMatching(/^"1e3" is not a whole number/) as unknown as string }],
      ['0x10', { ok: false, code: 'ORDER_BAD_QUANTITY', message: expect.stringMatching(/^"0x10" is not/) as unknown as string }],
      ['12.000', { ok: false, code: 'ORDER_BAD_QUANTITY', message: expect.stringMatching(/^"12\.000" is not/) as unknown as string }],
      ['0', { ok: false, code: 'ORDER_BAD_QUANTITY', message: expect.stringMatching(/^"0" is not/) as unknown as string }],
      ['1000000001', { ok: false, code: 'ORDER_QUANTITY_TOO_LARGE', message: expect.stringMatching(/^"1000000001" is not/) as unknown as string }],
    ];
    for (const [text, want] of cases) {
      expect(pageAnswer('quantity', text), text).toEqual(want);
      expect(
        await apiAnswer(
          await app.request(`/api/order?pn=AXE540127&qty=${url(text)}`),
          'query parameter qty',
          (b) => (b as { requestedPieces: number }).requestedPieces,
        ),
        text,
      ).toEqual(want);
    }
  });
});
