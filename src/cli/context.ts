import type { Command } from 'commander';
import type { CliIo } from './io.js';

/** What each command module gets: the I/O, and a slot for its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** Commands set this; the runner returns it. */
  exitCode: number;
}

/**
 * What a command module exports: it adds its options and its action to `command`, which the command
 * table (./commands/index.ts) has already named, described and given its arguments.
 */
export type RegisterCommand = (command: Command, ctx: CommandContext) => void;
