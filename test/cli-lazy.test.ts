/**
 * `a4s` imports only the command it runs (src/cli/commands/lazy.ts). These tests keep the lazy list
 * equal to the commands themselves, the help identical, and the start-up paths free of the heavy
 * packages (zod, yaml, csv-parse) where no user file is read.
 */
import { readdirSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/full.js';
import { lazyCommands } from '../src/cli/commands/lazy.js';
import type { CommandContext } from '../src/cli/context.js';
import { cli } from './run-cli.js';
import { importGraph } from './import-graph.js';

const ctx = (): CommandContext => ({
  io: { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from([]), isTTY: false, cwd: '.' },
  exitCode: 0,
});
const full = buildProgram(ctx());
const help = new Help();

describe('lazy command list (src/cli/commands/lazy.ts)', () => {
  it('lists every command of commands/index.ts, in the same order, with the same help line', () => {
    const expected = full.commands.map((c) => ({ name: c.name(), usage: help.subcommandTerm(c).slice(c.name().length + 1), description: c.description() }));
    const actual = lazyCommands.map(({ name, usage, description }) => ({ name, usage, description }));
    // On failure, the expected entries are the lines to write into lazy.ts.
    expect(actual).toEqual(expected);
  });
  it('every command file is listed (files starting with _ are helpers)', () => {
    const files = readdirSync(new URL('../src/cli/commands/', import.meta.url)).filter(
      (f) => f.endsWith('.ts') && !f.startsWith('_') && !['index.ts', 'lazy.ts'].includes(f),
    );
    expect(lazyCommands.map((c) => `${c.name}.ts`).sort()).toEqual(files.sort());
  });
  it('each entry loads the module that registers that command', async () => {
    for (const c of lazyCommands) {
      const program = full.createCommand('probe');
      (await c.load())(program, ctx());
      expect(program.commands.map((s) => s.name())).toEqual([c.name]);
    }
  });
});

describe('help without loading the commands', () => {
  it('`a4s --help` prints exactly the help of the fully loaded program', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(full.helpInformation());
  });
  it('an unknown command still suggests the nearest one', async () => {
    const r = await cli(['decod', 'AXE540127']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'decod'");
    expect(r.stderr).toContain('(Did you mean decode?)');
  });
  it('`a4s help decode` and `a4s decode --help` print the command help', async () => {
    const a = await cli(['help', 'decode']);
    const b = await cli(['decode', '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('Usage: a4s decode [options] <partNumbers...>');
    expect(b.stdout).toBe(a.stdout);
  });
});

describe('start-up import graph', () => {
  it('the binary and the runner import no command module and no core module', () => {
    const g = importGraph('src/cli/main.ts');
    expect([...g.files].filter((f) => f.startsWith('src/cli/commands/') && f !== 'src/cli/commands/lazy.ts')).toEqual([]);
    // io.ts takes one regular expression from checks/csv.ts (a module without imports).
    expect(
      [...g.files]
        .filter((f) => f !== 'src/checks/csv.ts')
        .filter((f) => /^src\/(catalog|select|kicad|geometry|checks|model3d|drawing|order|partnumber)\//.test(f)),
    ).toEqual([]);
    expect([...g.packages]).toEqual(['commander']);
  });
  // Commands that read no user file (or only with an option, loading its parser then) start without them.
  const lean: Record<string, readonly string[]> = {
    decode: [],
    parts: [],
    mate: [],
    dims: [],
    spec: [],
    explain: [],
    order: [],
    footprint: [],
    symbol: [],
    model: [],
    drawing: [],
    'kicad-lib': [],
  };
  for (const [name, allowed] of Object.entries(lean)) {
    it(`${name}: no zod, yaml, csv-parse at start-up`, () => {
      expect([...importGraph(`src/cli/commands/${name}.ts`).packages].sort()).toEqual([...allowed]);
    });
  }
});
