import type { Command } from 'commander';
import type { Series } from '../catalog/index.js';
import type { CliIo } from './io.js';

/** What each command module gets: the I/O, the series it works from, and a slot for its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /**
   * The connector series every command works from: the built-in catalog, or the edition given with
   * `--catalog <file>` (set before the command runs). Pass it to the core's functions.
   */
  series: Series;
  /** Commands set this; the runner returns it. */
  exitCode: number;
}

/**
 * What a command module exports: it adds its options and its action to `command`, which the command
 * table (./commands/index.ts) has already named, described and given its arguments.
 */
export type RegisterCommand = (command: Command, ctx: CommandContext) => void;
