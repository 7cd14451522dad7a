/**
 * Which driver errors mean the database cannot be used right now (503), and
 * which mean a lock could not be had in time (also 503, try again).
 */

/** mysql2 / network error codes that mean "the database cannot be reached or used now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_ACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'ER_NO_SUCH_TABLE',
  'ER_SERVER_SHUTDOWN',
  'ER_QUERY_INTERRUPTED',
  'ER_CONNECTION_KILLED',
  'ER_NORMAL_SHUTDOWN',
]);
const BUSY_CODES = new Set(['ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK']);

/** Classifies an error thrown by the database layer; null when it is not one. */
export function databaseErrorCode(error: unknown): 'DATABASE_UNAVAILABLE' | 'BUSY' | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Drizzle wraps driver errors (cause); walk down to the driver's.
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, fatal, message } = current as { code?: unknown; fatal?: unknown; message?: unknown };
    if (typeof code === 'string' && BUSY_CODES.has(code)) return 'BUSY';
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return 'DATABASE_UNAVAILABLE';
    if (fatal === true) return 'DATABASE_UNAVAILABLE';
    if (message === 'Queue limit reached.' || message === 'Pool is closed.') return 'BUSY';
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
