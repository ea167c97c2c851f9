import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMatedPair, checkPinMap, inferKind, parseKicadNetlist, parsePinMapText, pinMapFromNetlist, pinMapJsonSchema, renderReport } from '../index.js';
import type { CheckReport, MatedCheckReport, NetlistConnector, NetMapPair, PinMapInput } from '../index.js';
import { voltageFromName } from '../shared/index.js';
import { pinMapInput } from '../../../test/support/pinmap-input.js';

/**
 * Issue 18: design checks from evidence. Each case is written from the issue's words; the expected
 * kinds, voltages and hazards are worked out by hand (10-pin part: rotated, pin p lands on 11 − p;
 * 40-pin part: on 41 − p; rows: odd pins one row, even the other, pin p and p + 2 side by side).
 */
function run(yaml: string): CheckReport {
  const parsed = parsePinMapText(yaml, 'yaml');
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.error.code} ${parsed.error.message}`);
  return checkPinMap(parsed.value);
}
const codes = (r: CheckReport, severity?: string) => r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.code);
const all = (r: CheckReport, code: string) => r.findings.filter((f) => f.code === code);
const net = (r: CheckReport, name: string) => r.summary.nets.find((n) => n.net === name)!;

describe('1. kinds from evidence, in order, and shown', () => {
  it('the name guesser knows the display, e-paper and camera rails; a name that says nothing is unknown, never a signal', () => {
    for (const rail of [
      'IOVCC',
      'VCI',
      'VDDI',
      'LEDA',
      'LED+',
      'AVDD',
      'DVDD',
      'ELVDD',
      'VGH',
      'VGL',
      'VSP',
      'VSN',
      'VCOM',
      'P3V3',
      '+3V3',
      '1V8',
      'VDD_CORE',
      'VCC_IO',
      'V_LED1',
    ])
      expect(inferKind(rail), rail).toBe('power');
    for (const sig of ['SDA', 'I2C_SCL', 'SPI_MOSI', 'MCLK', 'DSI_D0_P', 'CSI_CLK_N', 'LCD_RESET', 'TP_INT', 'PWR_EN', 'GPIO12', 'D7'])
      expect(inferKind(sig), sig).toBe('signal');
    for (const unknown of ['FOO', 'THERM', 'LEDK', 'ZAP', 'X']) expect(inferKind(unknown), unknown).toBe('unknown');
  });

  it('stated > voltage > name > unknown, and the nets table says which', () => {
    const r = run(
      'part: AXE510127\npins: { 1: VGH, 2: ZAP, 3: GND, 4: SDA, 5: FOO, 6: WHAT }\nnets: { VGH: { voltageV: 20, currentA: 0.05 }, ZAP: "5 V", WHAT: "0.01 A, signal" }',
    );
    expect([net(r, 'VGH').kind, net(r, 'VGH').kindSource]).toEqual(['power', 'voltage']);
    expect([net(r, 'ZAP').kind, net(r, 'ZAP').kindSource]).toEqual(['power', 'voltage']);
    expect([net(r, 'GND').kind, net(r, 'GND').kindSource]).toEqual(['ground', 'name']);
    expect([net(r, 'SDA').kind, net(r, 'SDA').kindSource]).toEqual(['signal', 'name']);
    expect([net(r, 'FOO').kind, net(r, 'FOO').kindSource]).toEqual(['unknown', 'unknown']);
    expect([net(r, 'WHAT').kind, net(r, 'WHAT').kindSource]).toEqual(['signal', 'stated']);
    const text = renderReport(r, 'text');
    expect(text).toMatch(/ZAP +power +voltage/);
    expect(text).toMatch(/FOO +unknown +unknown/);
    expect(renderReport(r, 'md')).toMatch(/\| VGH \| power \| voltage \|/);
    expect(renderReport(r, 'html')).toMatch(/<td>SDA<\/td><td>signal<\/td><td>name<\/td>/);
  });

  it('a stated current above what a signal carries makes a nameless net a supply; a cathode with its current stays unknown', () => {
    const r = run('part: AXE510127\npins: { 2: ZAP, 9: SDA, 3: LEDK, 8: FOO }\nnets: { ZAP: "0.2 A", LEDK: "0.2 A", FOO: "0.01 A" }');
    expect([net(r, 'ZAP').kind, net(r, 'ZAP').kindSource]).toEqual(['power', 'voltage']);
    expect(net(r, 'LEDK').kind).toBe('unknown');
    expect(net(r, 'FOO').kind).toBe('unknown');
    expect(all(r, 'REVERSE_INSERTION_HAZARD').map((f) => f.nets)).toEqual([['ZAP', 'SDA']]);
  });

  it('VGH stated at 20 V and 0.05 A with no kind is a supply: rotated onto a signal it is a hazard', () => {
    // 10 pins: VGH on 2 lands on 9 (SDA).
    const r = run('part: AXE510127\npins: { 2: VGHX, 9: SDA, 1: GND, 10: GND }\nnets: { VGHX: { voltageV: 20, currentA: 0.05 } }');
    expect(all(r, 'REVERSE_INSERTION_HAZARD').map((f) => f.nets)).toEqual([['VGHX', 'SDA']]);
  });

  it('a display map with no kinds typed: its supplies facing GND reversed are errors, as with the kinds typed', () => {
    // 40 pins; each rail lands on GND (41 − p).
    const rails: Record<number, string> = { 2: 'IOVCC', 3: 'VCI', 5: 'LEDA', 6: 'VGH', 8: 'VGL', 11: 'ELVDD' };
    const pins = Array.from({ length: 40 }, (_, i) => {
      const p = i + 1;
      return `  ${p}: ${rails[p] ?? (rails[41 - p] ? 'GND' : `D${p}`)}`;
    });
    const bare = run(['part: AXE540127', 'pins:', ...pins].join('\n'));
    const typed = run(['part: AXE540127', 'pins:', ...pins, 'nets:', ...Object.values(rails).map((n) => `  ${n}: power`), '  GND: ground'].join('\n'));
    const hazards = (r: CheckReport) =>
      all(r, 'REVERSE_INSERTION_HAZARD')
        .map((f) => f.nets.join('>'))
        .sort();
    expect(hazards(bare)).toEqual(
      Object.values(rails)
        .map((n) => `${n}>GND`)
        .sort(),
    );
    expect(hazards(bare)).toEqual(hazards(typed));
    expect(bare.summary.reversalSafe).toBe(false);
    expect(bare.summary.verdict).toBe('errors');
    // Kinds read from names are labelled in the findings.
    expect(all(bare, 'REVERSE_INSERTION_HAZARD')[0]!.message).toMatch(/read from names \(assumed\)/);
  });

  it('KiCad 9 netlist: power_out and power_in pins make a power net of a name the guesser does not know', () => {
    const text = readFileSync(fileURLToPath(new URL('../../../test/fixtures/kicad/evidence/rails.net', import.meta.url)), 'utf8');
    expect(text).toMatch(/\(tool "Eeschema 9\./);
    const j1 = parseKicadNetlist(text, 'J1');
    if (!j1.ok) throw new Error(j1.error.message);
    const r = checkPinMap(pinMapFromNetlist(j1.value, null));
    expect([net(r, 'ZAP').kind, net(r, 'ZAP').kindSource]).toEqual(['power', 'netlist pin types']);
    expect([net(r, 'QRAIL').kind, net(r, 'QRAIL').kindSource]).toEqual(['power', 'netlist pin types']);
    expect([net(r, 'GND').kind, net(r, 'GND').kindSource]).toEqual(['ground', 'netlist pin types']);
    expect([net(r, 'MYSTERY').kind, net(r, 'MYSTERY').kindSource]).toEqual(['unknown', 'unknown']);
    // A stated kind still wins over the pin types.
    const stated = checkPinMap(pinMapFromNetlist(j1.value, { ...pinMapFromNetlist(j1.value, null), nets: { ZAP: { kind: 'signal' } } }));
    expect(net(stated, 'ZAP').kindSource).toBe('stated');
  });
});

describe('2. verdicts say what they rest on', () => {
  it('an unknown net rotated onto a signal: no error, but qualified, with what it would be as a supply', () => {
    // 10 pins: FOO on 4 lands on 7 (SDA).
    const r = run('part: AXE510127\npins: { 1: GND, 10: GND, 4: FOO, 7: SDA }');
    expect(r.summary.errors).toBe(0);
    expect(r.summary.verdict).toBe('qualified');
    expect(r.summary.reversalSafe).toBe(false);
    expect(r.summary.reversal).toBe('safe for known kinds');
    expect(r.summary.unknownKindNets).toEqual(['FOO']);
    const w = all(r, 'NET_KIND_UNKNOWN');
    expect(w.map((f) => f.severity)).toEqual(['warning']);
    expect(w[0]!.nets).toEqual(['FOO']);
    expect(w[0]!.message).toMatch(/FOO \(pins 4\): if a supply, plugged rotated by 180° it would land on SDA \(pins 4→7\)/);
    expect(all(r, 'REVERSAL_SAFE')[0]!.message).toMatch(/^Reversal-safe for the nets whose kind is known/);
    expect(renderReport(r, 'text')).toMatch(/reversal-safe for the nets whose kind is known/);
  });

  it('the same map with FOO stated a signal is clean', () => {
    const r = run('part: AXE510127\npins: { 1: GND, 10: GND, 4: FOO, 7: SDA }\nnets: { FOO: signal }');
    expect(r.summary.verdict).toBe('clean');
    expect(r.summary.reversalSafe).toBe(true);
  });

  it('property: blanking kinds (and the voltages that gave them) never turns an error into a clean verdict without naming what is unknown', () => {
    // Names the guesser does not know, so that blanking leaves the kind unknown rather than guessed.
    const names = ['N_A', 'N_B', 'N_C', 'N_D', 'N_E', 'N_F'];
    const netArb = fc.record({ kind: fc.constantFrom('power', 'signal', 'ground'), voltageV: fc.constantFrom(undefined, 1.8, 3.3, 12) });
    const mapArb = fc.record({
      pins: fc.array(fc.option(fc.constantFrom(...names), { nil: null }), { minLength: 10, maxLength: 10 }),
      nets: fc.tuple(...names.map(() => netArb)),
      blank: fc.subarray(names, { minLength: 1 }),
    });
    fc.assert(
      fc.property(mapArb, ({ pins, nets, blank }) => {
        const spec = Object.fromEntries(
          names.map((n, i) => {
            const s = nets[i]!;
            return [n, { kind: s.kind, ...(s.kind === 'ground' ? { voltageV: 0 } : s.voltageV !== undefined ? { voltageV: s.voltageV } : {}) }];
          }),
        ) as Record<string, { kind?: 'power' | 'signal' | 'ground'; voltageV?: number }>;
        const input = (nets: PinMapInput['nets']): PinMapInput => pinMapInput(pins, nets);
        const full = checkPinMap(input(spec));
        const blanked = checkPinMap(input(Object.fromEntries(Object.entries(spec).filter(([n]) => !blank.includes(n)))));
        if (full.summary.verdict !== 'errors' || blanked.summary.verdict !== 'clean') return;
        throw new Error(`errors became clean after blanking ${blank.join(', ')}`);
      }),
      { numRuns: 400 },
    );
  });
});

describe('5. soldering terminals carry ground, nothing or a mounting net', () => {
  const map40 = (extra: string) => {
    const pins = Array.from({ length: 40 }, (_, i) => `${i + 1},${[1, 2, 39, 40].includes(i + 1) ? 'GND,,,ground' : `D${i + 1},,1.8,signal`}`);
    return ['pin,net,currentA,voltageV,kind', ...pins, extra].join('\n');
  };
  const csv = (text: string) => {
    const parsed = parsePinMapText(text, 'csv', { part: 'AXE540127' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    return checkPinMap(parsed.value);
  };
  it('41,EXTRA,0.01,1.8,signal on a 40-pin part is an error: it will not reach the other board', () => {
    const r = csv(map40('41,EXTRA,0.01,1.8,signal'));
    const f = all(r, 'PIN_BEYOND_COUNT');
    expect(f.map((x) => [x.severity, x.pins])).toEqual([['error', [41]]]);
    expect(f[0]!.message).toMatch(/will not reach the other board/);
    expect(codes(r)).not.toContain('PIN_SOLDERING_TERMINALS');
  });
  it('ground, unconnected or mounting nets there are the terminals (a note)', () => {
    for (const extra of ['41,GND,,,ground\n42,GND,,,ground', '41,MP,,,\n42,MP,,,', '41,NC,,,\n42,NC,,,']) {
      const r = csv(map40(extra));
      expect(codes(r), extra).toContain('PIN_SOLDERING_TERMINALS');
      expect(codes(r, 'error'), extra).toEqual([]);
    }
  });
});

describe('7. currents once', () => {
  it('a return stated on the cathode LEDK is not assumed again on GND; the nets table says what was assumed', () => {
    // VBAT 0.2 A + LEDA 0.06 A out; LEDK brings 0.06 A back; GND carries what is left: 0.2 A (not 0.26 A).
    const r = run(
      'part: AXE510127\npins: { 1: VBAT, 10: VBAT, 2: LEDA, 9: LEDK, 3: GND, 4: GND, 7: GND, 8: GND }\nnets: { VBAT: "0.2 A, 3.8 V, power", LEDA: "0.06 A, 20 V, power", LEDK: "0.06 A, signal", GND: ground }',
    );
    const gnd = net(r, 'GND');
    expect(gnd.currentA).toBeCloseTo(0.2, 9);
    expect(gnd.currentAssumed).toMatch(/less 0\.06 A stated on the returns LEDK 0\.06 A/);
    expect(net(r, 'LEDK').currentAssumed).toBeUndefined();
    expect(r.summary.totalCurrentA).toBeCloseTo(0.2 + 0.06 + 0.06 + 0.2, 9);
    expect(renderReport(r, 'text')).toMatch(/GND +ground +stated .*0\.2 A \(return, assumed\)/);
    expect(renderReport(r, 'text')).toMatch(/LEDK +signal +stated +9 +0\.06 A  /);
  });
  it('a *_RTN net with a current is a return too', () => {
    const r = run('part: AXE510127\npins: { 1: VBAT, 10: VBAT, 2: VBAT_RTN, 9: GND }\nnets: { VBAT: "0.2 A, 3.8 V, power", VBAT_RTN: "0.15 A" }');
    expect(net(r, 'GND').currentA).toBeCloseTo(0.05, 9);
  });
});

describe('8. margins a reviewer expects', () => {
  // 40 pins: 20 and 22 are side by side in the even row; 20 faces 19.
  const pins = (over: Record<number, string>) =>
    Array.from({ length: 40 }, (_, i) => `  ${i + 1}: ${over[i + 1] ?? ([1, 2, 39, 40].includes(i + 1) ? 'GND' : `D${i + 1}`)}`);
  const doc = (over: Record<number, string>, tail: string[]) => ['part: AXE540127', 'pins:', ...pins(over), ...tail].join('\n');
  it('maxNeighbourV: 24 V between neighbours over a 20 V margin is a warning; none at the default 60 V', () => {
    const base = doc({ 20: 'P24', 22: 'N0', 19: 'M12' }, ['nets:', '  P24: "24 V, signal"', '  N0: "0 V, signal"', '  M12: "12 V, signal"']);
    expect(codes(run(base))).not.toContain('NEIGHBOUR_VOLTAGE');
    const r = run(`${base}\nmaxNeighbourV: 20`);
    const f = all(r, 'NEIGHBOUR_VOLTAGE');
    expect(f.map((x) => x.nets.sort())).toEqual([['N0', 'P24']]);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toMatch(/24 V apart/);
    expect(r.summary.thresholds.find((t) => t.name === 'neighbour voltage margin')).toMatchObject({ value: 20, provenance: 'override' });
    expect(Object.keys((pinMapJsonSchema as { properties: object }).properties)).toContain('maxNeighbourV');
  });
  it('a differential pair not side by side in one row is a note (assumed rule, said so)', () => {
    const together = run(doc({ 12: 'DSI_D0_P', 14: 'DSI_D0_N' }, []));
    expect(codes(together)).not.toContain('DIFF_PAIR_SPLIT');
    const split = run(doc({ 12: 'DSI_D0_P', 13: 'DSI_D0_N' }, []));
    const f = all(split, 'DIFF_PAIR_SPLIT');
    expect(f.map((x) => [x.severity, x.pins])).toEqual([['info', [12, 13]]]);
    expect(f[0]!.source).toMatch(/^assumed/);
  });
});

/** A connector as the netlist reader gives it, from a list of nets (pin 1 first; null = unconnected). */
const conn = (reference: string, partNumber: string, nets: (string | null)[]): NetlistConnector => ({
  reference,
  value: partNumber,
  footprint: null,
  partNumber,
  pins: nets.map((n, i) => ({ pin: i + 1, net: n })),
  ignoredPins: [],
  tool: null,
});
const BOARD10 = ['VBAT', 'GND', 'SDA', 'GND', 'INT', 'RST', 'GND', 'SCL', 'GND', 'VBAT'];
function pair(board: (string | null)[], mate: (string | null)[], netMap: NetMapPair[] = []): MatedCheckReport {
  const r = checkMatedPair({ board: conn('J1', 'AXE510127', board), mate: conn('P1', 'AXE610124', mate), netMap });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const status = (r: MatedCheckReport, pin: number) => r.mating.pins.find((p) => p.pin === pin)!.status;

describe('3. net identity', () => {
  it('a decimal point is never dropped: +1.8V meets +18V is a conflict (also +1.2V/+12V, 3.3V/33V)', () => {
    for (const [a, b] of [
      ['+1.8V', '+18V'],
      ['+1.2V', '+12V'],
      ['3.3V', '33V'],
    ]) {
      const r = pair(
        BOARD10.map((n) => (n === 'VBAT' ? a! : n)),
        BOARD10.map((n) => (n === 'VBAT' ? b! : n)),
      );
      expect(status(r, 1), `${a} / ${b}`).toBe('conflict');
      expect(r.summary.verdict).toBe('errors');
      expect(r.findings.find((f) => f.code === 'MATED_NET_CONFLICT')!.message).toMatch(/different voltages/);
    }
  });
  it('voltages in names: the same voltage spelled twice is at most renamed; the parser reads them all', () => {
    expect(['+1V8', '1.8V', '3V3', '+5V0', 'VCC_3V3', '-20V', 'P3V3', 'DISP_IOVCC_1P8'].map(voltageFromName)).toEqual([1.8, 1.8, 3.3, 5, 3.3, -20, 3.3, 1.8]);
    const r = pair(
      BOARD10.map((n) => (n === 'VBAT' ? '+1V8' : n)),
      BOARD10.map((n) => (n === 'VBAT' ? '1.8V' : n)),
    );
    expect([status(r, 1), status(r, 10)]).toEqual(['renamed', 'renamed']);
    expect(r.summary.errors).toBe(0);
  });
  it('SDA and SCL crossed between the boards, or MISO and MOSI: a conflict, never exit 0', () => {
    const sw = (a: string, b: string) => BOARD10.map((n) => (n === a ? b : n === b ? a : n));
    const r = pair(BOARD10, sw('SDA', 'SCL'));
    expect([status(r, 3), status(r, 8)]).toEqual(['conflict', 'conflict']);
    expect(r.summary.verdict).toBe('errors');
    const spi = BOARD10.map((n) => (n === 'INT' ? 'MISO' : n === 'RST' ? 'MOSI' : n));
    const crossed = pair(
      spi,
      spi.map((n) => (n === 'MISO' ? 'MOSI' : n === 'MOSI' ? 'MISO' : n)),
    );
    expect(crossed.summary.verdict).toBe('errors');
    // Under other names on the FPC, the function words still cross.
    const prefixed = pair(
      BOARD10,
      sw('SDA', 'SCL').map((n) => (n === 'SDA' || n === 'SCL' ? `I2C_${n}` : n)),
    );
    expect([status(prefixed, 3), status(prefixed, 8)]).toEqual(['conflict', 'conflict']);
  });
  it('a line the other board has at another pin, facing an unconnected pin here, is moved: a conflict', () => {
    // SDA on pin 3 of the board; the FPC has it on pin 6 and nothing on pin 3.
    const mate = BOARD10.map((n, i) => (i === 2 ? null : i === 5 ? 'SDA' : n));
    const r = pair(BOARD10, mate);
    expect(status(r, 3)).toBe('conflict');
    expect(r.findings.find((f) => f.code === 'MATED_NET_CONFLICT' && f.pins[0] === 3)!.message).toMatch(
      /SDA on J1 faces a pin left unconnected on P1, though P1 has SDA at another pin/,
    );
    expect(r.summary.verdict).toBe('errors');
  });
  it('TX meeting RX is the usual crossing: a warning that says so', () => {
    const uart = BOARD10.map((n) => (n === 'INT' ? 'UART_TX' : n === 'RST' ? 'UART_RX' : n));
    const r = pair(
      uart,
      uart.map((n) => (n === 'UART_TX' ? 'UART_RX' : n === 'UART_RX' ? 'UART_TX' : n)),
    );
    expect([status(r, 5), status(r, 6)]).toEqual(['crossed', 'crossed']);
    const f = r.findings.find((x) => x.code === 'MATED_NET_CROSSED')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/point of view/);
    expect(r.summary.errors).toBe(0);
  });
  it('a net-map line may not declare a supply and ground, nor two voltages, one net: an error naming the line', () => {
    const vg = checkMatedPair({
      board: conn('J1', 'AXE510127', BOARD10),
      mate: conn('P1', 'AXE610124', BOARD10),
      netMap: [
        { board: 'SDA', mate: 'I2C_SDA', line: 2 },
        { board: 'VBAT', mate: 'GND', line: 3 },
      ],
    });
    expect(vg.ok).toBe(false);
    if (!vg.ok) {
      expect(vg.error.code).toBe('NET_MAP_CONTRADICTION');
      expect(vg.error.line).toBe(3);
      expect(vg.error.message).toMatch(/line 3 \(VBAT,GND\)/);
    }
    const volts = checkMatedPair({
      board: conn('J1', 'AXE510127', BOARD10),
      mate: conn('P1', 'AXE610124', BOARD10),
      netMap: [{ board: '+1V8', mate: '+3V3', line: 2 }],
    });
    expect(!volts.ok && volts.error.code).toBe('NET_MAP_CONTRADICTION');
  });
  it('a net-map line changes nothing but the pair it names: the kinds of other pins stay their own', () => {
    const mate = BOARD10.map((n) => (n === 'VBAT' ? 'VBAT_FPC' : n));
    const r = pair(BOARD10, mate, [{ board: 'VBAT', mate: 'VBAT_FPC', line: 2 }]);
    expect(r.mating.pins.map((p) => p.mateKind)).toEqual(['power', 'ground', 'signal', 'ground', 'signal', 'signal', 'ground', 'signal', 'ground', 'power']);
    expect(r.mating.nets.find((n) => n.side === 'mate' && n.net === 'GND')).toMatchObject({ kind: 'ground', kindSource: 'name' });
  });
});

describe('4. root cause first', () => {
  it('rows swapped: the pattern is the first error, with the count it explains; the conflicts refer to it', () => {
    const swapped = BOARD10.map((_, i) => BOARD10[i % 2 === 0 ? i + 1 : i - 1]!);
    const r = pair(BOARD10, swapped);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors[0]!.code).toBe('MATED_PINOUT_SWAPPED');
    const conflictPins = errors.filter((f) => f.code === 'MATED_NET_CONFLICT').flatMap((f) => f.pins);
    expect(errors[0]!.message).toMatch(new RegExp(`explains ${conflictPins.length} of the ${conflictPins.length} conflicting pins`));
    expect(errors[0]!.pins.sort((a, b) => a - b)).toEqual(conflictPins.sort((a, b) => a - b));
    for (const f of errors.filter((x) => x.code === 'MATED_NET_CONFLICT')) expect(f.message).toMatch(/Explained by the root cause above/);
  });
});

describe('5. FPC pins beyond the part', () => {
  it("a signal on the mate's pin 11 of a 10-pin part is an error: it will not reach the board", () => {
    const r = pair(BOARD10, [...BOARD10, 'EXTRA']);
    const f = r.findings.find((x) => x.code === 'PIN_BEYOND_COUNT')!;
    expect(f.pins).toEqual([11]);
    expect(f.message).toMatch(/will not reach J1/);
    expect(pair(BOARD10, [...BOARD10, 'GND', 'GND']).summary.errors).toBe(0);
  });
});

describe('metamorphic: random valid maps and netlist pairs', () => {
  // Nets with their kinds and voltages stated, so that the names carry no evidence.
  const names = ['R1', 'R2', 'S1', 'S2', 'S3', 'G'];
  const kinds: Record<string, { kind: 'power' | 'signal' | 'ground'; voltageV?: number }> = {
    R1: { kind: 'power', voltageV: 3.3 },
    R2: { kind: 'power', voltageV: 1.8 },
    S1: { kind: 'signal' },
    S2: { kind: 'signal' },
    S3: { kind: 'signal' },
    G: { kind: 'ground', voltageV: 0 },
  };
  const base = (rename: (n: string) => string): PinMapInput => ({
    part: 'AXE510127',
    mate: 'AXE610124',
    pinCount: null,
    pins: [],
    nets: Object.fromEntries(names.map((n) => [rename(n), kinds[n]!])),
    conditions: {},
    connectors: [],
    irDropThresholdMv: null,
  });
  const boardArb = fc.array(fc.option(fc.constantFrom(...names), { nil: null }), { minLength: 10, maxLength: 10 });
  const check = (board: (string | null)[], mate: (string | null)[], rename: (n: string) => string = (n) => n) => {
    const r = checkMatedPair({
      board: conn(
        'J1',
        'AXE510127',
        board.map((n) => (n === null ? null : rename(n))),
      ),
      mate: conn(
        'P1',
        'AXE610124',
        mate.map((n) => (n === null ? null : rename(n))),
      ),
      base: base(rename),
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const verdictOf = (r: MatedCheckReport) => ({
    verdict: r.summary.verdict,
    codes: [...new Set(r.findings.map((f) => `${f.severity}:${f.code}`))].sort(),
    status: r.mating.pins.map((p) => p.status),
  });

  it('renaming every net consistently on both boards changes no verdict', () => {
    fc.assert(
      fc.property(boardArb, fc.array(fc.nat(9), { maxLength: 3 }), fc.constantFrom('NET_', 'x', 'Q9_'), (board, cut, prefix) => {
        const mate = board.map((n, i) => (cut.includes(i) ? null : n));
        expect(verdictOf(check(board, mate, (n) => `${prefix}${n}`))).toEqual(verdictOf(check(board, mate)));
      }),
      { numRuns: 300 },
    );
  });

  it('a single map: renaming every net consistently (kinds and voltages stated) changes no finding', () => {
    const single = (pins: (string | null)[], rename: (n: string) => string) =>
      checkPinMap({
        ...base(rename),
        mate: null,
        pins: pins.map((n, i) => ({ pin: i + 1, net: n === null ? null : rename(n) })),
      });
    const shape = (r: CheckReport) => ({
      verdict: r.summary.verdict,
      reversal: r.summary.reversal,
      findings: r.findings.map((f) => `${f.severity}:${f.code}:${f.pins.join(',')}`).sort(),
    });
    fc.assert(
      fc.property(boardArb, fc.constantFrom('NET_', 'zz', 'K7_'), (pins, prefix) => {
        expect(shape(single(pins, (n) => `${prefix}${n}`))).toEqual(shape(single(pins, (n) => n)));
      }),
      { numRuns: 300 },
    );
  });

  it('swapping two different nets on one board never leaves the pair clean', () => {
    fc.assert(
      fc.property(boardArb, fc.nat(9), fc.nat(9), (board, i, j) => {
        fc.pre(board[i] !== null && board[j] !== null && board[i] !== board[j]);
        const mate = [...board];
        [mate[i], mate[j]] = [mate[j]!, mate[i]!];
        expect(check(board, mate).summary.verdict).not.toBe('clean');
      }),
      { numRuns: 300 },
    );
  });

  it('blanking the kinds of the board map never makes the pair safer without a warning', () => {
    fc.assert(
      fc.property(boardArb, fc.subarray(names, { minLength: 1 }), fc.nat(9), fc.nat(9), (board, blank, i, j) => {
        const mate = [...board];
        [mate[i], mate[j]] = [mate[j]!, mate[i]!];
        const full = check(board, mate);
        const r = checkMatedPair({
          board: conn('J1', 'AXE510127', board),
          mate: conn('P1', 'AXE610124', mate),
          base: { ...base((n) => n), nets: Object.fromEntries(names.filter((n) => !blank.includes(n)).map((n) => [n, kinds[n]!])) },
        });
        if (!r.ok) throw new Error(r.error.message);
        if (full.summary.verdict !== 'clean') expect(r.value.summary.verdict).not.toBe('clean');
      }),
      { numRuns: 300 },
    );
  });
});
