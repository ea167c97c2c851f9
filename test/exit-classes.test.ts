/**
 * Issue 22, item 3: one error-to-exit-code conversion. Every registered code has its exit class in
 * the registry (src/errors.ts, EXIT_CLASS); the CLI's exit code for an error is its code's
 * (exitCodeOf in src/cli/exit.ts), whichever command raises it. Before, two converters decided apart
 * (the KiCad commands took every KICAD_ code as a usage error, model and drawing only the overrides').
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/index.js';
import { exitCodeOf } from '../src/cli/exit.js';
import { ERROR_CODES, EXIT_CLASS, type ErrorCode } from '../src/errors.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'a4s-exit-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the exit class of every code is in the registry', () => {
  it('every registered code has one of the four classes, and the classes name only registered codes', () => {
    expect(Object.keys(EXIT_CLASS).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, exitClass] of Object.entries(EXIT_CLASS)) expect(['usage', 'input', 'answer', 'finding'], code).toContain(exitClass);
  });

  it('the classes read as exit codes: usage and input 2, answer and finding 1, a part number given to an option 2', () => {
    expect(exitCodeOf('BAD_OPTION')).toBe(2);
    expect(exitCodeOf('PINMAP_SYNTAX')).toBe(2);
    expect(exitCodeOf('KICAD_DIR_BUSY')).toBe(2);
    expect(exitCodeOf('BAD_VARIANT')).toBe(1);
    expect(exitCodeOf('BAD_VARIANT', 'option')).toBe(2);
    expect(exitCodeOf('ORDER_BAD_QUANTITY')).toBe(2);
    expect(exitCodeOf('ORDER_NO_PACKAGING')).toBe(1);
    expect(exitCodeOf('FP_PITCH')).toBe(1);
  });

  it('the CLI exits as the registry says, whatever the command (one conversion)', async () => {
    const footprint = file('fp.kicad_mod', (await cli(['footprint', 'AXE540127'])).stdout);
    const overrides = file('bad-overrides.json', '{"signalPadLengthMm": -1}');
    const runs: [string[], ErrorCode, number, ('asked' | 'option')?][] = [
      [['dims', 'AXE540128'], 'BAD_VARIANT', EXIT.FINDINGS],
      [['footprint', 'AXE540128'], 'BAD_VARIANT', EXIT.FINDINGS],
      [['model', 'AXE540128'], 'BAD_VARIANT', EXIT.FINDINGS],
      [['order', 'AXE540128', '10'], 'BAD_VARIANT', EXIT.FINDINGS],
      [['order', 'AXE540127', '12.5'], 'ORDER_BAD_QUANTITY', EXIT.USAGE],
      [['order', 'AXE540127', '2,000,000,000'], 'ORDER_QUANTITY_TOO_LARGE', EXIT.USAGE],
      [['bom', file('b.csv', 'Ref,MPN\nJ1,AXE540127\n'), '--boards', 'x'], 'BAD_OPTION', EXIT.USAGE],
      [['check', join(dir, 'missing.yaml')], 'INPUT_UNREADABLE', EXIT.USAGE],
      [['check', file('bad.yaml', 'part: AXE540127\npins: [')], 'PINMAP_SYNTAX', EXIT.USAGE],
      [['footprint', 'AXE540127', '--overrides', overrides], 'KICAD_BAD_OVERRIDES', EXIT.USAGE],
      [['model', 'AXE540127', '--overrides', overrides], 'KICAD_BAD_OVERRIDES', EXIT.USAGE],
      [['spec', 'nonsense'], 'UNKNOWN_SPEC_ITEM', EXIT.USAGE],
      [['verify-footprint', footprint, '--part', 'AXE540128'], 'BAD_VARIANT', EXIT.USAGE, 'option'],
      [['verify-footprint', file('not.kicad_mod', '(kicad_pcb)')], 'FOOTPRINT_NOT_FOOTPRINT', EXIT.USAGE],
    ];
    for (const [args, code, exit, given] of runs) {
      const r = await cli(args);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`^error \\[${code}\\]`));
      expect(r.code, args.join(' ')).toBe(exit);
      expect(r.code, args.join(' ')).toBe(exitCodeOf(code, given));
    }
  });
});
