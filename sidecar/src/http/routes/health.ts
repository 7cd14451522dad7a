/**
 * Liveness (the process answers) and readiness (the Moodle database answers
 * and holds the shop's bill table). Neither needs a signature: orchestrators
 * and the plugin's status check call them.
 */
import { Hono } from 'hono';
import { ServiceError } from '../../errors.js';
import type { AppEnv } from '../context.js';
import { errorBody } from '../error-response.js';
import type { Catalog } from '../../i18n.js';

export interface ReadinessReport {
  database: boolean;
  billTable: boolean;
  letteringIndex: boolean;
}

export type ReadinessProbe = () => Promise<ReadinessReport>;

export function healthRoutes(probe: ReadinessProbe, catalog: Catalog) {
  return new Hono<AppEnv>()
    .get('/live', (c) => c.json({ status: 'ok' }))
    .get('/ready', async (c) => {
      let report: ReadinessReport;
      try {
        report = await probe();
      } catch {
        report = { database: false, billTable: false, letteringIndex: false };
      }
      if (report.database && report.billTable) return c.json({ status: 'ready', checks: report });
      const body = errorBody(catalog, c.get('language'), new ServiceError('DATABASE_UNAVAILABLE'));
      return c.json({ status: 'unavailable', checks: report, ...body }, 503);
    });
}
