/**
 * Starts the service: reads the configuration, listens, and on SIGTERM or
 * SIGINT stops taking new connections, lets requests in flight finish, then
 * closes the database pool.
 */
import { serve, type ServerType } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createService, type Service } from './service.js';

/** Longest a shutdown waits for requests in flight before closing anyway. */
const SHUTDOWN_GRACE_MS = 15000;

export interface RunningServer {
  service: Service;
  server: ServerType;
  port: number;
  stop(): Promise<void>;
}

export function startServer(config: Config, service = createService(config)): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: service.app.fetch, hostname: config.host, port: config.port }, (info) => {
      service.logger.log('info', 'listening', { host: config.host, port: info.port, database: config.database.name, prefix: config.prefix });
      let stopping: Promise<void> | null = null;
      resolve({
        service,
        server,
        port: info.port,
        stop() {
          stopping ??= new Promise<void>((done) => {
            const force = setTimeout(() => {
              if ('closeAllConnections' in server) server.closeAllConnections();
            }, SHUTDOWN_GRACE_MS);
            force.unref();
            // Keep-alive connections would hold close() open: end each one as soon as it is idle,
            // that is at once for idle ones and right after its response for busy ones.
            const closeIdle = () => {
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            };
            const sweeper = setInterval(closeIdle, 50);
            server.close(() => {
              clearTimeout(force);
              clearInterval(sweeper);
              service.database
                .close()
                .catch(() => undefined)
                .finally(() => {
                  service.logger.log('info', 'stopped');
                  done();
                });
            });
            closeIdle();
          });
          return stopping;
        },
      });
    });
    server.once('error', reject);
  });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const running = await startServer(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      running.service.logger.log('info', 'shutting down', { signal });
      void running.stop().then(() => process.exit(0));
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`The lettering service could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
