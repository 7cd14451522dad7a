/**
 * Structured logs: one JSON object per line on stdout, for journald, docker
 * or any log shipper. Nothing secret and no personal data goes in: request
 * logs carry the path without its query string.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(
  threshold: LogLevel | 'silent',
  write: (line: string) => void = (line) => process.stdout.write(line),
  clock: () => number = Date.now,
): Logger {
  return {
    log(level, message, fields = {}) {
      if (RANK[level] < RANK[threshold]) return;
      write(`${JSON.stringify({ time: new Date(clock()).toISOString(), level, msg: message, ...fields })}\n`);
    },
  };
}

/** A logger that keeps lines in memory (tests read them). */
export function createMemoryLogger(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  return {
    lines,
    log(level, message, fields = {}) {
      lines.push({ level, msg: message, ...fields });
    },
  };
}
