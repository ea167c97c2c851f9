/**
 * `a4s` imports only the command it runs: the command table (src/cli/commands/index.ts) holds each
 * command's name, arguments and description once, and the module to load. These tests keep the table
 * equal to the command files, the help identical, and the start-up paths free of the heavy packages
 * (zod, yaml, csv-parse) where no user file is read.
 */
import { builtInSeries } from '../src/catalog/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/full.js';
import { commands, declareCommand, usageOf } from '../src/cli/commands/index.js';
import { SECTIONS } from '../src/cli/commands/spec.js';
import type { CommandContext } from '../src/cli/context.js';
import { cli } from './run-cli.js';
import { importGraph } from './import-graph.js';

const ctx = (): CommandContext => ({
  io: { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from([]), isTTY: false, cwd: '.' },
  series: builtInSeries,
  exitCode: 0,
});
const full = await buildProgram(ctx());

describe('the command table (src/cli/commands/index.ts)', () => {
  it('names every command file once (files starting with _ are helpers)', () => {
    const files = readdirSync(new URL('../src/cli/commands/', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.startsWith('_') && f !== 'index.ts');
    expect(commands.map((c) => `${c.name}.ts`).sort()).toEqual(files.sort());
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  });
  it('each entry loads the module of that command, which adds options and an action, never a name, a description or an argument', async () => {
    for (const c of commands) {
      const program = new Command('probe');
      const declared = declareCommand(program, c);
      (await c.load())(declared, ctx());
      expect(program.commands, c.name).toEqual([declared]);
      expect(declared.name()).toBe(c.name);
      expect(declared.description()).toBe(c.description);
      expect(declared.registeredArguments.map((a) => a.name()).length, `${c.name}: arguments come from the table`).toBe(c.arguments.length);
      // The help list writes `[options]` for every command (usageOf): each has at least one.
      expect(declared.options.length, `${c.name} has options`).toBeGreaterThan(0);
    }
  });
  it("the help list's usage is commander's own for the loaded command", () => {
    const help = full.createHelp();
    for (const c of full.commands) {
      const entry = commands.find((e) => e.name === c.name())!;
      expect(`${c.name()} ${usageOf(entry)}`).toBe(help.subcommandTerm(c));
    }
  });
  it("spec's description names every section spec shows", () => {
    expect(commands.find((c) => c.name === 'spec')!.description).toContain(`a section: ${SECTIONS.join(', ')}`);
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
    expect([...g.files].filter((f) => f.startsWith('src/cli/commands/') && f !== 'src/cli/commands/index.ts')).toEqual([]);
    // io.ts takes one regular expression from checks/shared/csv.ts (a module without imports).
    expect(
      [...g.files]
        .filter((f) => f !== 'src/checks/shared/csv.ts')
        .filter((f) => /^src\/(catalog|select|kicad|geometry|checks|model3d|drawing|order|partnumber)\//.test(f)),
    ).toEqual([]);
    expect([...g.packages]).toEqual(['commander']);
  });
  it('--catalog <file> loads the edition reader (src/catalog/edition.ts, zod) only when it is given', () => {
    for (const entry of ['src/cli/main.ts', 'src/cli/catalog-option.ts']) {
      const g = importGraph(entry);
      expect([...g.files], entry).not.toContain('src/catalog/edition.ts');
      expect([...g.packages], entry).not.toContain('zod');
    }
    expect(readFileSync(new URL('../src/cli/catalog-option.ts', import.meta.url), 'utf8')).toContain("import('../catalog/edition.js')");
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
