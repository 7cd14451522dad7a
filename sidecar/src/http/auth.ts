/**
 * Checks the signature of every API call (see signing.ts). A request that is
 * unsigned, signed with another secret, altered after signing, or older (or
 * newer) than the window is refused before any handler or query runs.
 */
import type { Context } from 'hono';
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

/**
 * The path and query as the client sent them. Over a socket that is the raw
 * request line (a URL parser would re-encode characters such as ' and so
 * break a signature made over what was sent); a Request built in memory
 * (tests calling app.request) only has its parsed URL.
 */
function requestTarget(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: { url?: string } } | undefined)?.incoming;
  if (typeof incoming?.url === 'string' && incoming.url.startsWith('/')) return incoming.url;
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/**
 * The request body, read once, and left in Hono's body cache as text so that
 * later readers (the JSON checks, the validator) do not convert it again
 * through web streams, which cost more than the whole database write. Over a
 * socket with a Content-Length (already checked against the limit by the
 * body-limit middleware), it is read straight from Node's request.
 */
async function readBody(c: Context<AppEnv>): Promise<Uint8Array> {
  const incoming = (c.env as { incoming?: AsyncIterable<Buffer> & { readableEnded?: boolean } } | undefined)?.incoming;
  let body: Uint8Array;
  if (incoming && c.req.header('content-length') !== undefined && !incoming.readableEnded) {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk);
    body = Buffer.concat(chunks);
  } else {
    body = new Uint8Array(await c.req.arrayBuffer());
  }
  // Hono keeps promises in this cache, whatever its type says.
  (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(new TextDecoder().decode(body));
  return body;
}

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
    const body = await readBody(c);
    const valid = signatureMatches(
      secret,
      {
        method: c.req.method,
        pathWithQuery: requestTarget(c),
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
