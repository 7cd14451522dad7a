/**
 * One connection used by one lettering write, under the request's deadline.
 *
 * Every statement is a prepared statement (mysql2 `execute`) raced against
 * the time left. What a failure means depends on whether the statement that
 * changes the bill was sent:
 *   - before it, nothing changed: TIMEOUT, or the database error itself;
 *   - while it was on its way or running, the database may have applied it
 *     without our hearing back: WRITE_UNCONFIRMED, so that no one is told
 *     "nothing changed" about a change that happened.
 * A connection that timed out or failed is destroyed, never reused.
 */
import type { PoolConnection, ResultSetHeader } from 'mysql2/promise';
import { ServiceError } from '../errors.js';
import { databaseErrorCode } from '../db/errors.js';

/** A write statement gets at least this long, even when sent just before the deadline. */
const WRITE_MIN_BUDGET_MS = 500;

export class WriteSession {
  private broken = false;

  constructor(
    private readonly connection: PoolConnection,
    private readonly deadline: number,
    private readonly now: () => number,
  ) {}

  /** Whether the deadline has passed. */
  expired(): boolean {
    return this.now() >= this.deadline;
  }

  async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    const [rows] = await this.run(sql, params, 'read');
    return rows as T[];
  }

  /** Runs the statement that changes data; answers how many rows it changed. */
  async write(sql: string, params: unknown[]): Promise<number> {
    const [result] = await this.run(sql, params, 'write');
    return (result as ResultSetHeader).affectedRows;
  }

  private async run(sql: string, params: unknown[], phase: 'read' | 'write'): Promise<[unknown, unknown]> {
    const left = this.deadline - this.now();
    if (phase === 'read' && left <= 0) throw new ServiceError('TIMEOUT');
    const budget = phase === 'write' ? Math.max(left, WRITE_MIN_BUDGET_MS) : left;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      if (Number.isFinite(budget)) timer = setTimeout(() => reject(new ServiceError(phase === 'write' ? 'WRITE_UNCONFIRMED' : 'TIMEOUT')), budget);
    });
    try {
      return (await Promise.race([this.connection.execute(sql, params as never[]), timeout])) as [unknown, unknown];
    } catch (error) {
      const lost = error instanceof ServiceError || databaseErrorCode(error) === 'DATABASE_UNAVAILABLE';
      if (lost) this.destroy();
      if (phase === 'write' && lost) throw new ServiceError('WRITE_UNCONFIRMED');
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs a statement whose failure must not hide the outcome already decided (releasing locks). */
  async bestEffort(sql: string, params: unknown[]): Promise<void> {
    if (this.broken) return;
    try {
      await Promise.race([this.connection.execute(sql, params as never[]), new Promise((_, reject) => setTimeout(reject, WRITE_MIN_BUDGET_MS).unref())]);
    } catch {
      // The connection is in doubt: drop it, and the server drops its locks with it.
      this.destroy();
    }
  }

  private destroy(): void {
    if (this.broken) return;
    this.broken = true;
    this.connection.destroy();
  }
}
