/**
 * The database floor of a lettering write: the sidecar's transaction issued
 * straight through mysql2 prepared statements (`execute`), on a pool of the
 * same size, with nothing else around it (no HTTP, no validation, no ORM).
 * Round trips are the sidecar's, one for one:
 *
 *   GET_LOCK(name from the collation weight of the value)   -- not for a clear
 *   SET TRANSACTION ISOLATION LEVEL READ COMMITTED; BEGIN
 *   SELECT id, status, idnumber, emissiondate ... WHERE id = ? FOR UPDATE
 *   SELECT id, emissiondate, idnumber ... WHERE idnumber = ? AND id <> ? ORDER BY id LIMIT 1   -- not for a clear
 *   UPDATE ... SET idnumber = ? WHERE id = ?    (or ROLLBACK on a refusal)
 *   COMMIT
 *   DO RELEASE_LOCK(name)
 */
import mysql, { type Pool } from 'mysql2/promise';
import type { Executor } from './workload.js';

const LETTERABLE = new Set(['SOLDOUT', 'COMPLETE', 'PAYBACK', 'PARTIAL', 'PREPROD', 'RECOVERING']);

export function createFloorPool(options: mysql.PoolOptions, size: number): Pool {
  return mysql.createPool({ ...options, connectionLimit: size, maxIdle: size, waitForConnections: true, enableKeepAlive: true });
}

export function floorExecutor(pool: Pool, prefix: string, column: { charset: string; collation: string }): Executor {
  const table = `\`${prefix}local_shop_bill\``;
  const lockName = `CONCAT('local_shop_lettering_', MD5(CONCAT(DATABASE(), '/', ?, '/', HEX(WEIGHT_STRING(CONVERT(? USING ${column.charset}) COLLATE ${column.collation})))))`;
  const getLock = `SELECT GET_LOCK(${lockName}, 5) AS got, ${lockName} AS name`;
  const selectBill = `SELECT id, status, idnumber, emissiondate FROM ${table} WHERE id = ? FOR UPDATE`;
  const selectHolder = `SELECT id, emissiondate, idnumber FROM ${table} WHERE idnumber = ? AND id <> ? ORDER BY id ASC LIMIT 1`;
  const update = `UPDATE ${table} SET idnumber = ? WHERE id = ?`;

  return async (operation) => {
    const connection = await pool.getConnection();
    let lock: string | null = null;
    try {
      const value = operation.lettering;
      if (value !== '') {
        const [rows] = (await connection.execute(getLock, [prefix, value, prefix, value])) as unknown as [Array<{ got: number; name: string }>];
        if (rows[0]?.got !== 1) return { outcome: 'server_error', detail: 'lock timeout' };
        lock = rows[0].name;
      }
      await connection.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await connection.query('BEGIN');
      try {
        const [bills] = (await connection.execute(selectBill, [operation.billId])) as unknown as [Array<{ id: number; status: string; idnumber: string | null }>];
        const bill = bills[0];
        if (!bill) throw new Error('bill not found');
        const previous = bill.idnumber ?? '';
        if (value !== '' && !LETTERABLE.has(bill.status)) throw new Error('not letterable');
        if (operation.expected.trim() !== previous.trim()) throw new Error(`stale: ${previous}`);
        if (value !== previous) {
          if (value !== '') {
            const [holders] = (await connection.execute(selectHolder, [value, bill.id])) as unknown as [unknown[]];
            if (holders.length > 0) {
              await connection.query('ROLLBACK');
              return { outcome: 'duplicate' };
            }
          }
          await connection.execute(update, [value, bill.id]);
        }
        await connection.query('COMMIT');
        return { outcome: 'ok' };
      } catch (error) {
        await connection.query('ROLLBACK');
        return { outcome: 'unexpected', detail: error instanceof Error ? error.message : String(error) };
      }
    } catch (error) {
      return { outcome: 'server_error', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      if (lock !== null) await connection.execute('DO RELEASE_LOCK(?)', [lock]).catch(() => undefined);
      connection.release();
    }
  };
}
