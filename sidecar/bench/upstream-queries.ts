/**
 * Upstream's queries (local_shop, vfremaux/moodle-local_shop, MOODLE_405_STABLE),
 * written out as the SQL Moodle's DML layer sends for them, to time them on the
 * same data with upstream's indexes only (the up_ tables).
 *
 * Moodle's mysqli driver sends the text protocol with parameters inlined, so
 * they go through mysql2's query(), not prepared statements. Where upstream's
 * page loads more than the query timed here (each bill as an object with its
 * lines, customer, shop and catalog), only the main query is counted: the
 * figures are a floor for upstream's page, not its full cost.
 */
import type { Pool } from 'mysql2/promise';

/** The status tabs of upstream's "All bills" page (full view), in its order; ALL has no status filter. */
export const UPSTREAM_TABS = ['WORKING', 'PLACED', 'PENDING', 'SOLDOUT', 'COMPLETE', 'CANCELLED', 'FAILED', 'PAYBACK', 'ALL'] as const;
export type UpstreamTab = (typeof UPSTREAM_TABS)[number];

/** Upstream filters the list by currency, EUR unless chosen otherwise (param `cur`). */
const CURRENCY = 'EUR';

export interface UpstreamQuery {
  sql: string;
  params: unknown[];
}

export function upstreamQueries(prefix: string, pageSize: number) {
  const bill = `\`${prefix}local_shop_bill\``;
  const customer = `\`${prefix}local_shop_customer\``;

  return {
    /**
     * bills/viewAllBills.php: one page of a status tab,
     * Bill::get_instances($filter, 'emissiondate DESC', '*', $billpage * 20, 20)
     * -> $DB->get_records('local_shop_bill', ['status' => ..., 'currency' => 'EUR'], 'emissiondate DESC', '*', offset, 20).
     * Page N of the tab is LIMIT offset = N * 20. No index on status or emissiondate: filesort of the whole tab.
     */
    tabPage(tab: UpstreamTab, page: number): UpstreamQuery {
      const where = tab === 'ALL' ? 'currency = ?' : 'status = ? AND currency = ?';
      const params = tab === 'ALL' ? [CURRENCY] : [tab, CURRENCY];
      return { sql: `SELECT * FROM ${bill} WHERE ${where} ORDER BY emissiondate DESC LIMIT ${page * pageSize}, ${pageSize}`, params };
    },

    /**
     * The unlettered paid/completed invoices. Upstream has no such page: an
     * accountant goes through the SOLDOUT and COMPLETE tabs looking for an
     * empty lettering. The same page as one query on upstream's schema:
     * the two tabs' filter plus an empty idnumber, newest first.
     */
    unletteredPage(): UpstreamQuery {
      return {
        sql: `SELECT * FROM ${bill} WHERE status IN ('SOLDOUT', 'COMPLETE') AND currency = ? AND (idnumber IS NULL OR idnumber = '')
               ORDER BY emissiondate DESC LIMIT 0, ${pageSize}`,
        params: [CURRENCY],
      };
    },

    /**
     * The tab counts of viewAllBills.php, Bill::count_by_states($fullview, $filterclause):
     * one $DB->count_records_select per tab, each "status = 'X' AND currency = 'EUR'",
     * and " 1 AND currency = 'EUR'" for ALL. Nine full scans.
     */
    tabCounts(): UpstreamQuery[] {
      return UPSTREAM_TABS.map((tab) =>
        tab === 'ALL'
          ? { sql: `SELECT COUNT('x') FROM ${bill} WHERE 1 AND currency = '${CURRENCY}'`, params: [] }
          : { sql: `SELECT COUNT('x') FROM ${bill} WHERE status = '${tab}' AND currency = '${CURRENCY}'`, params: [] },
      );
    },

    /**
     * bills/search.controller.php, search "by id" (the number typed is the bill id):
     * SELECT b.*, c.firstname, c.lastname, u.username FROM bill b, customer c LEFT JOIN user u ON u.id = c.hasaccount
     * WHERE b.customerid = c.id AND b.id = ?. The benchmark database has no Moodle user table: the
     * LEFT JOIN on user's primary key is left out (it adds one primary-key lookup).
     */
    searchById(id: number): UpstreamQuery {
      return {
        sql: `SELECT b.*, c.firstname, c.lastname FROM ${bill} b, ${customer} c WHERE b.customerid = c.id AND b.id = ?`,
        params: [id],
      };
    },

    /**
     * bills/search.controller.php, search "by key": UPPER(transactionid) LIKE UPPER('code%').
     * Upstream returns every match without paging; ORDER BY/LIMIT of one page is added here,
     * which can only make it cheaper.
     */
    searchByTransaction(code: string): UpstreamQuery {
      return {
        sql: `SELECT b.*, c.firstname, c.lastname FROM ${bill} b, ${customer} c
               WHERE b.customerid = c.id AND UPPER(transactionid) LIKE UPPER(?) ORDER BY b.emissiondate DESC LIMIT ${pageSize}`,
        params: [`${code}%`],
      };
    },

    /**
     * bills/search.controller.php, search "by name": UPPER(c.lastname) LIKE UPPER('name%')
     * (OR UPPER(u.username) LIKE ..., left out with the user table). Paged here, as above.
     */
    searchByCustomerName(name: string): UpstreamQuery {
      return {
        sql: `SELECT b.*, c.firstname, c.lastname FROM ${bill} b, ${customer} c
               WHERE b.customerid = c.id AND UPPER(c.lastname) LIKE UPPER(?) ORDER BY b.emissiondate DESC LIMIT ${pageSize}`,
        params: [`${name}%`],
      };
    },

    /**
     * Upstream cannot search by lettering; the only query it runs on idnumber is the
     * uniqueness check of bills/bills.controller.php (reclettering):
     * $DB->get_record_select('local_shop_bill', 'idnumber = :idnumber AND id <> :id', ...). No index: full scan.
     */
    findByLettering(lettering: string, exceptId = 0): UpstreamQuery {
      return { sql: `SELECT * FROM ${bill} WHERE idnumber = ? AND id <> ?`, params: [lettering, exceptId] };
    },

    /**
     * The write of bills/bills.controller.php (reclettering): new Bill($billid) loads the bill
     * ($DB->get_record by id; its lines, customer and shop are left out here), the check above,
     * then $bill->save(true) -> $DB->update_record('local_shop_bill', $record) with every column.
     * No transaction, no lock.
     */
    async letter(pool: Pool, billId: number, lettering: string): Promise<'ok' | 'duplicate'> {
      const [rows] = (await pool.query(`SELECT * FROM ${bill} WHERE id = ?`, [billId])) as unknown as [Array<Record<string, unknown>>];
      const record = rows[0];
      if (!record) throw new Error(`bill ${billId} not found`);
      if (lettering !== '') {
        const check = this.findByLettering(lettering, billId);
        const [holders] = (await pool.query(check.sql, check.params)) as unknown as [unknown[]];
        if (holders.length > 0) return 'duplicate';
      }
      record.idnumber = lettering;
      const columns = Object.keys(record).filter((column) => column !== 'id');
      await pool.query(`UPDATE ${bill} SET ${columns.map((c) => `\`${c}\` = ?`).join(', ')} WHERE id = ?`, [...columns.map((c) => record[c]), billId]);
      return 'ok';
    },
  };
}
