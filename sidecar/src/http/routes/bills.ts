/**
 * /v1/bills: the list and its tab counts, one bill, and its lettering.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { decodeCursor } from '../../bills/cursor.js';
import type { BillQueries } from '../../bills/queries.js';
import { ServiceError } from '../../errors.js';
import type { LetteringService } from '../../lettering/service.js';
import { BILL_STATUSES, isBillStatus, STATUS_GROUPS, type StatusGroup } from '../../lettering/statuses.js';
import type { Logger } from '../../logger.js';
import type { AppEnv } from '../context.js';
import { requireJsonBody } from '../json-body.js';
import { validate } from '../validation.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const positiveId = z
  .string({ message: 'validation_positive_integer' })
  .regex(/^[1-9]\d{0,14}$/, 'validation_positive_integer')
  .transform(Number);

/** A status, a tab group (invoices, orders, attempts, all) or a comma-separated list of statuses. */
const statusFilter = z
  .string({ message: 'validation_status' })
  .transform((text, context) => {
    const value = text.trim();
    if (value === 'all') return [] as string[];
    if (value in STATUS_GROUPS) return [...STATUS_GROUPS[value as Exclude<StatusGroup, 'all'>]];
    const statuses = value.split(',').map((s) => s.trim().toUpperCase());
    if (statuses.length === 0 || statuses.length > BILL_STATUSES.length || !statuses.every(isBillStatus)) {
      context.addIssue({ code: 'custom', message: 'validation_status' });
      return z.NEVER;
    }
    return statuses;
  });

const letteredFilter = z
  .enum(['yes', 'no', 'true', 'false', '1', '0'], { message: 'validation_boolean' })
  .transform((value) => value === 'yes' || value === 'true' || value === '1');

const commonFilters = {
  shop: positiveId.optional(),
  lettered: letteredFilter.optional(),
  q: z
    .string({ message: 'validation_search' })
    .transform((value) => value.trim())
    .refine((value) => [...value].length <= 100 && !/\p{Cc}/u.test(value), 'validation_search')
    .optional(),
};

const listQuery = z.strictObject({
  ...commonFilters,
  status: statusFilter.optional(),
  cursor: z
    .string({ message: 'validation_cursor' })
    .transform((value, context) => {
      const cursor = decodeCursor(value);
      if (!cursor) {
        context.addIssue({ code: 'custom', message: 'validation_cursor' });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
  limit: z
    .string({ message: 'validation_limit' })
    .regex(/^\d{1,3}$/, 'validation_limit')
    .transform(Number)
    .refine((value) => value >= 1 && value <= MAX_PAGE_SIZE, 'validation_limit')
    .optional(),
});

const countsQuery = z.strictObject(commonFilters);
const billParams = z.object({ id: positiveId });

const letteringBody = z.strictObject({
  lettering: z.string({ message: 'validation_lettering' }),
  expected: z.string({ message: 'validation_expected' }).nullable().optional(),
});
const clearBody = z.strictObject({
  expected: z.string({ message: 'validation_expected' }).nullable().optional(),
});

/** Tab counts per filter combination, possibly a few seconds old (see counts-cache.ts). */
export interface TabCounts {
  get(filters: { shopId?: number; lettered?: boolean; search?: string }): Promise<{ value: { statuses: Record<string, number>; capped: boolean }; computedAt: number }>;
}

export interface BillRoutesDeps {
  bills: BillQueries;
  counts: TabCounts;
  lettering: LetteringService;
  logger: Logger;
}

export function billRoutes({ bills, counts, lettering, logger }: BillRoutesDeps) {
  const methodNotAllowed = () => {
    throw new ServiceError('METHOD_NOT_ALLOWED');
  };

  return new Hono<AppEnv>()
    .get('/', validate('query', listQuery), async (c) => {
      const query = c.req.valid('query');
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const page = await bills.list(
        { statuses: query.status, shopId: query.shop, lettered: query.lettered, search: query.q || undefined },
        query.cursor ?? null,
        limit,
      );
      return c.json({ ...page, limit });
    })
    .get('/counts', validate('query', countsQuery), async (c) => {
      const query = c.req.valid('query');
      const { value: { statuses, capped }, computedAt } = await counts.get({ shopId: query.shop, lettered: query.lettered, search: query.q || undefined });
      const sum = (list: readonly string[]) => list.reduce((total, status) => total + (statuses[status] ?? 0), 0);
      const groups = {
        invoices: sum(STATUS_GROUPS.invoices),
        orders: sum(STATUS_GROUPS.orders),
        attempts: sum(STATUS_GROUPS.attempts),
        all: Object.values(statuses).reduce((total, n) => total + n, 0),
      };
      return c.json({ statuses, groups, capped, computedAt: Math.floor(computedAt / 1000) });
    })
    .all('/counts', methodNotAllowed)
    .get('/:id', validate('param', billParams), async (c) => {
      const { id } = c.req.valid('param');
      const bill = await bills.get(id);
      if (!bill) throw new ServiceError('BILL_NOT_FOUND', { billid: id });
      return c.json({ bill });
    })
    .put('/:id/lettering', validate('param', billParams), requireJsonBody, validate('json', letteringBody), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const result = await lettering.setLettering(
        { billId: id, lettering: body.lettering, expected: body.expected },
        { deadline: c.get('deadline') },
      );
      if (result.changed) {
        logger.log('info', 'lettering changed', { billId: id, userId: c.get('userId'), requestId: c.get('requestId'), cleared: result.lettering === '' });
      }
      return c.json({ result });
    })
    .delete('/:id/lettering', validate('param', billParams), requireJsonBody, validate('json', clearBody), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const result = await lettering.setLettering({ billId: id, lettering: '', expected: body.expected }, { deadline: c.get('deadline') });
      if (result.changed) {
        logger.log('info', 'lettering changed', { billId: id, userId: c.get('userId'), requestId: c.get('requestId'), cleared: true });
      }
      return c.json({ result });
    })
    .all('/:id/lettering', methodNotAllowed)
    .all('/:id', methodNotAllowed)
    .all('/', methodNotAllowed);
}
