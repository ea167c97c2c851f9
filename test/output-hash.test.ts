/**
 * Byte-identical outputs: hashes of the whole KiCad library (with 3D models) and of a set of command
 * outputs, recorded from the code before the start-up work (issue 13) was merged (issues 8–12 in). A change of any output byte
 * fails here; when an output is meant to change, record the new hash and say why in the commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kicadLibrary } from '../src/kicad/index.js';
import { cli } from './run-cli.js';
import { COMMANDS_SHA256, hashRuns, REPO } from './output-runs.js';

const LIBRARY_SHA256 = 'a12b1520d79cb16d1bfe78122781dea9ea0c1a023234f7a4bbd1240ad4d30ad7';

describe('outputs are byte-identical to the recorded ones', () => {
  it('the whole KiCad library (every file, with 3D models)', () => {
    const library = kicadLibrary({});
    if (!library.ok) throw new Error(library.error.message);
    const h = createHash('sha256');
    for (const task of library.value) h.update(`${task.path}\0`).update(task.build()).update('\0');
    expect(h.digest('hex')).toBe(LIBRARY_SHA256);
  });
  it('command outputs (standard output; with standard error and the exit code on failure)', async () => {
    expect(await hashRuns((args) => cli([...args], '', { cwd: REPO }))).toBe(COMMANDS_SHA256);
  });
});
