/**
 * Readiness of the database: reachable, the bill table present, and the
 * lettering index present (without it writes stay correct but each check
 * scans the whole table).
 */
import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import type { ReadinessReport } from '../http/routes/health.js';

export function createReadinessProbe(database: Database) {
  const billTable = `${database.prefix}local_shop_bill`;
  return async (): Promise<ReadinessReport> => {
    const [rows] = (await database.db.execute(sql`
      SELECT
        (SELECT COUNT(*) FROM information_schema.TABLES
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${billTable}) AS billtable,
        (SELECT COUNT(*) FROM information_schema.STATISTICS
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${billTable}
            AND COLUMN_NAME = 'idnumber' AND SEQ_IN_INDEX = 1) AS letteringindex`)) as unknown as [
      Array<{ billtable: number | string; letteringindex: number | string }>,
    ];
    const row = rows[0]!;
    return { database: true, billTable: Number(row.billtable) > 0, letteringIndex: Number(row.letteringindex) > 0 };
  };
}
