/**
 * The database floor of a lettering write: the sidecar's statements issued
 * straight through mysql2 prepared statements (`execute`), on a pool of the
 * same size, with nothing else around it (no HTTP, no validation, no ORM).
 * Round trips are the sidecar's, one for one:
 *
 *   GET_LOCK(name from the collation weight of the value)        -- not for a clear
 *   SELECT the bill, and the lowest other bill holding the value (one statement)
 *   SELECT the holder's number                                    -- only for a duplicate
 *   UPDATE ... SET idnumber = ? WHERE id = ? AND previous value unchanged (compare-and-set)
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
  const selectBill = `SELECT b.id, b.status, b.idnumber, b.emissiondate,
      (SELECT h.id FROM ${table} h WHERE h.idnumber = ? AND h.id <> b.id ORDER BY h.id LIMIT 1) AS holderid
    FROM ${table} b WHERE b.id = ?`;
  const selectHolder = `SELECT id, emissiondate, idnumber FROM ${table} WHERE id = ?`;
  const update = `UPDATE ${table} SET idnumber = ? WHERE id = ? AND CAST(idnumber AS BINARY) <=> CAST(? AS BINARY)`;

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
      for (let round = 0; round < 5; round++) {
        const [bills] = (await connection.execute(selectBill, [value, operation.billId])) as unknown as [
          Array<{ id: number; status: string; idnumber: string | null; holderid: number | null }>,
        ];
        const bill = bills[0];
        if (!bill) return { outcome: 'unexpected', detail: 'bill not found' };
        const previous = bill.idnumber ?? '';
        if (value !== '' && !LETTERABLE.has(bill.status)) return { outcome: 'unexpected', detail: 'not letterable' };
        if (value === previous) return { outcome: 'ok' };
        if (operation.expected.trim() !== previous.trim()) return { outcome: 'unexpected', detail: `stale: ${previous}` };
        if (value !== '' && bill.holderid !== null) {
          await connection.execute(selectHolder, [bill.holderid]);
          return { outcome: 'duplicate' };
        }
        const [result] = (await connection.execute(update, [value, bill.id, bill.idnumber])) as unknown as [{ affectedRows: number }];
        if (result.affectedRows === 1) return { outcome: 'ok' };
      }
      return { outcome: 'server_error', detail: 'bill kept changing' };
    } catch (error) {
      return { outcome: 'server_error', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      if (lock !== null) await connection.execute('DO RELEASE_LOCK(?)', [lock]).catch(() => undefined);
      connection.release();
    }
  };
}
