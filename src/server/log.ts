/** Structured logs: one JSON object per line, so that log shippers parse them without rules. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface RequestLogLine {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
}

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  /** The access-log line of one request (same JSON as log(level, 'request', line); faster). */
  request?(line: RequestLogLine): void;
  /** Writes out buffered lines (call before exit). */
  flush?(): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LineSink {
  /** `urgent`: a warning or error, to be written out now. */
  write(line: string, urgent?: boolean): unknown;
}

export function jsonLogger(sink: LineSink, minLevel: LogLevel = 'info', now: () => number = Date.now): Logger {
  // Formatting an ISO time costs more than the rest of the line; at most once per millisecond.
  let lastMs = -1;
  let lastIso = '';
  const iso = () => {
    const ms = now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = new Date(ms).toISOString();
    }
    return lastIso;
  };
  return {
    log(level, msg, fields) {
      if (RANK[level] < RANK[minLevel]) return;
      // JSON.stringify escapes control characters, so hostile input cannot forge log lines. The
      // line is put together from two stringified parts to avoid copying `fields` on every request.
      const head = `{"time":"${iso()}","level":"${level}","msg":${JSON.stringify(msg)}`;
      const rest = fields ? JSON.stringify(fields) : '{}';
      sink.write(`${head}${rest.length > 2 ? `,${rest.slice(1)}` : '}'}\n`, RANK[level] >= RANK.warn);
    },
    request(r) {
      // The one line written per request, so it is composed directly: the path (any characters a
      // client sends) goes through JSON.stringify; the request id ([A-Za-z0-9._-], checked when
      // assigned) and the method (an HTTP token, checked by the HTTP parser) need no escaping.
      const level: LogLevel = r.status >= 500 ? 'error' : 'info';
      if (RANK[level] < RANK[minLevel]) return;
      sink.write(
        `{"time":"${iso()}","level":"${level}","msg":"request","requestId":"${r.requestId}","method":"${r.method}","path":${JSON.stringify(r.path)},"status":${r.status},"durationMs":${r.durationMs}}\n`,
        level === 'error',
      );
    },
    flush() {
      (sink as Partial<BufferedSink>).flush?.();
    },
  };
}

export interface BufferedSink extends LineSink {
  flush(): void;
}

/**
 * Collects lines and writes them in batches (every `intervalMs` or `maxBytes`): one write system
 * call per batch instead of one per request, which is most of a log line's cost under load.
 * Errors and warnings are written at once, so they survive a crash right after.
 */
export function bufferedSink(stream: { write(chunk: string): unknown }, intervalMs = 50, maxBytes = 64 * 1024): BufferedSink {
  let pending: string[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    stream.write(text);
  };
  return {
    write(line: string, urgent = false) {
      pending.push(line);
      size += line.length;
      if (urgent || size >= maxBytes) flush();
      else if (!timer) {
        timer = setTimeout(flush, intervalMs);
        timer.unref?.();
      }
    },
    flush,
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
