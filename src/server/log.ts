/** Structured logs: one JSON object per line, so that log shippers parse them without rules. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LineSink {
  write(line: string): unknown;
}

export function jsonLogger(sink: LineSink, minLevel: LogLevel = 'info', now: () => Date = () => new Date()): Logger {
  return {
    log(level, msg, fields) {
      if (RANK[level] < RANK[minLevel]) return;
      // JSON.stringify escapes control characters, so hostile input cannot forge log lines.
      sink.write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...fields })}\n`);
    },
  };
}

export const silentLogger: Logger = { log() {} };

/** Keeps log lines in memory (tests). */
export function memoryLogger(): Logger & { readonly lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, log: (level, msg, fields) => void lines.push({ level, msg, ...fields }) };
}

export function parseLogLevel(value: string | undefined): LogLevel {
  return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}
