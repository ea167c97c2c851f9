import type { Command } from 'commander';
import type { CliIo } from './io.js';

/** What each command module gets: the program to add itself to, the I/O, and a slot for its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** Commands set this; the runner returns it. */
  exitCode: number;
}

export type RegisterCommand = (program: Command, ctx: CommandContext) => void;
