/**
 * The HTTP application, built from its dependencies so that the server and
 * the tests run the very same app (tests call app.request() or listen on a
 * port), each with its own database, clock and logger.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { randomUUID } from 'node:crypto';
import type { BillQueries } from '../bills/queries.js';
import { ServiceError } from '../errors.js';
import { negotiateLanguage, type Catalog } from '../i18n.js';
import type { LetteringService } from '../lettering/service.js';
import type { Logger } from '../logger.js';
import { signatureAuth } from './auth.js';
import type { AppEnv } from './context.js';
import { createErrorHandler, errorBody } from './error-response.js';
import { billRoutes, type TabCounts } from './routes/bills.js';
import { healthRoutes, type ReadinessProbe } from './routes/health.js';

/** Largest request body accepted (a lettering is at most 255 characters). */
export const MAX_BODY_BYTES = 16 * 1024;
/** How much longer than the request timeout a write may run before the last-resort timer answers. */
const WRITE_GRACE_MS = 2000;

export interface AppDeps {
  secret: string;
  catalog: Catalog;
  logger: Logger;
  bills: BillQueries;
  counts: TabCounts;
  lettering: LetteringService;
  readiness: ReadinessProbe;
  /** Longest a request may take before it is answered 503 TIMEOUT. */
  requestTimeoutMs: number;
  /** The clock, in Unix seconds (signature window). */
  nowSeconds?: () => number;
}

export function createApp(deps: AppDeps) {
  const nowSeconds = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const started = performance.now();
    c.set('requestId', randomUUID());
    c.set('language', negotiateLanguage(c.req.header('accept-language')));
    await next();
    c.header('x-request-id', c.get('requestId'));
    deps.logger.log('info', 'request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('userId'),
    });
  });

  app.use(async (c, next) => {
    c.set('deadline', Date.now() + deps.requestTimeoutMs);
    // Writes bound every step by the deadline themselves and know whether their change was
    // sent; this timer is only their backstop, and then it cannot say that nothing changed.
    const reads = c.req.method === 'GET' || c.req.method === 'HEAD';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ServiceError(reads ? 'TIMEOUT' : 'WRITE_UNCONFIRMED')),
        deps.requestTimeoutMs + (reads ? 0 : WRITE_GRACE_MS),
      );
    });
    try {
      await Promise.race([next(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  });

  app.route('/health', healthRoutes(deps.readiness, deps.catalog));

  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ServiceError('BODY_TOO_LARGE', { maxbytes: MAX_BODY_BYTES });
      },
    }),
  );
  app.use('/v1/*', signatureAuth(deps.secret, nowSeconds));
  app.route('/v1/bills', billRoutes(deps));
  app.get('/v1/shops', async (c) => c.json({ shops: await deps.bills.listShops() }));

  app.notFound((c) => c.json(errorBody(deps.catalog, c.get('language'), new ServiceError('NOT_FOUND')), 404));
  app.onError(createErrorHandler(deps.catalog, deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
