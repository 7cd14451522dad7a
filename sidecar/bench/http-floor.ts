/**
 * The HTTP floor: the least an HTTP lettering service can do per write, run
 * as its own process like the sidecar. Bare node:http, the signature check,
 * JSON in and out, and the floor's transaction (floor.ts) on a mysql2 pool of
 * the same size; no framework, no validation, no ORM, no logging. The
 * benchmark drives it with the same clients and writes as the sidecar, so
 * that "sidecar / database floor" can be read against "any HTTP service /
 * database floor" on the same machine.
 *
 * Started by run.ts (node --import tsx sidecar/bench/http-floor.ts) with
 * LETTERING_DATABASE_URL, LETTERING_DB_PREFIX, LETTERING_SECRET,
 * LETTERING_PORT and LETTERING_DB_POOL_SIZE.
 */
import http from 'node:http';
import { createFloorPool, floorExecutor } from './floor.js';
import { signatureMatches } from '../src/signing.js';

const url = new URL(process.env.LETTERING_DATABASE_URL!);
const prefix = process.env.LETTERING_DB_PREFIX ?? 'mdl_';
const secret = process.env.LETTERING_SECRET!;
const pool = createFloorPool(
  {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    charset: 'utf8mb4_unicode_ci',
  },
  Number(process.env.LETTERING_DB_POOL_SIZE ?? 10),
);
const execute = floorExecutor(pool, prefix, { charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' });
const ROUTE = /^\/v1\/bills\/(\d+)\/lettering$/;

function reply(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    void (async () => {
      if (request.url === '/health/ready' || request.url === '/health/live') return reply(response, 200, { status: 'ready' });
      const body = Buffer.concat(chunks);
      const header = (name: string) => String(request.headers[name] ?? '');
      const signed = signatureMatches(
        secret,
        {
          method: request.method ?? '',
          pathWithQuery: request.url ?? '',
          timestamp: header('x-lettering-timestamp'),
          userId: header('x-lettering-user'),
          language: header('accept-language'),
          body,
        },
        header('x-lettering-signature'),
      );
      if (!signed) return reply(response, 401, { error: { code: 'AUTH_INVALID' } });
      const match = ROUTE.exec(request.url ?? '');
      if (!match || (request.method !== 'PUT' && request.method !== 'DELETE')) return reply(response, 404, { error: { code: 'NOT_FOUND' } });
      const json = JSON.parse(body.toString('utf8') || '{}') as { lettering?: string; expected?: string | null };
      const lettering = request.method === 'DELETE' ? '' : String(json.lettering ?? '').trim();
      const result = await execute({ kind: lettering === '' ? 'clear' : 'set', billId: Number(match[1]), lettering, expected: json.expected ?? '' });
      if (result.outcome === 'ok') return reply(response, 200, { result: { billId: Number(match[1]), lettering } });
      if (result.outcome === 'duplicate') return reply(response, 409, { error: { code: 'LETTERING_DUPLICATE' } });
      return reply(response, 500, { error: { code: 'INTERNAL', detail: result.detail } });
    })().catch((error: unknown) => reply(response, 500, { error: { code: 'INTERNAL', detail: String(error) } }));
  });
});
server.keepAliveTimeout = 60000;
server.listen(Number(process.env.LETTERING_PORT), '127.0.0.1');
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void pool.end().finally(() => process.exit(0));
  });
}
