/**
 * Checks the signature of every API call (see signing.ts). A request that is
 * unsigned, signed with another secret, altered after signing, or older (or
 * newer) than the window is refused before any handler or query runs.
 */
import { createMiddleware } from 'hono/factory';
import { ServiceError } from '../errors.js';
import {
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  HEADER_USER,
  SIGNATURE_WINDOW_SECONDS,
  signatureMatches,
} from '../signing.js';
import type { AppEnv } from './context.js';

export function signatureAuth(secret: string, nowSeconds: () => number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const timestamp = c.req.header(HEADER_TIMESTAMP);
    const user = c.req.header(HEADER_USER);
    const signature = c.req.header(HEADER_SIGNATURE);
    if (!timestamp || !user || !signature) throw new ServiceError('AUTH_MISSING');
    // Repeated headers arrive joined by commas and fail these shapes.
    if (!/^\d{1,12}$/.test(timestamp) || !/^[1-9]\d{0,14}$/.test(user) || !/^[0-9a-f]{64}$/.test(signature)) {
      throw new ServiceError('AUTH_INVALID');
    }
    const url = new URL(c.req.url);
    const body = new Uint8Array(await c.req.arrayBuffer());
    const valid = signatureMatches(
      secret,
      {
        method: c.req.method,
        pathWithQuery: url.pathname + url.search,
        timestamp,
        userId: user,
        language: c.req.header('accept-language') ?? '',
        body,
      },
      signature,
    );
    if (!valid) throw new ServiceError('AUTH_INVALID');
    if (Math.abs(nowSeconds() - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) throw new ServiceError('AUTH_EXPIRED');
    c.set('userId', Number(user));
    await next();
  });
}
