/**
 * A MariaDB server of the test's own, in a temporary folder on a free port,
 * that the test may stop, restart and break at will without touching the
 * machine's server. Built from the machine's MariaDB binaries.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from '../../sidecar/scripts/free-port.js';

export interface PrivateMariaDb {
  port: number;
  url(database: string): string;
  /** Stops the server cleanly (as an administrator or a crash-free outage would). */
  stop(): Promise<void>;
  /** Starts it again on the same data and port. */
  start(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open but nothing answers, as on a hung host. */
  pause(): void;
  /** Thaws a paused server. */
  resume(): void;
  /** Kills every client connection but the caller's. Returns how many were killed. */
  killConnections(): Promise<number>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

export async function startPrivateMariaDb(): Promise<PrivateMariaDb> {
  const folder = mkdtempSync(join(tmpdir(), 'lettering-mariadb-'));
  const datadir = join(folder, 'data');
  const install = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  const port = await freePort();
  let child: ChildProcess | null = null;

  const connect = () => mysql.createConnection({ host: '127.0.0.1', port, user: 'root', password: '', charset: 'utf8mb4_unicode_ci' });

  async function waitReady(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        const connection = await connect();
        await connection.end();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error('the private MariaDB did not start');
  }

  const server: PrivateMariaDb = {
    port,
    url: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
    async start() {
      child = spawn(
        '/usr/sbin/mariadbd',
        [
          '--no-defaults',
          `--datadir=${datadir}`,
          `--socket=${join(folder, 'mariadb.sock')}`,
          `--pid-file=${join(folder, 'mariadb.pid')}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          '--user=root',
          '--innodb-buffer-pool-size=64M',
          '--skip-log-bin',
          '--character-set-server=utf8mb4',
          '--collation-server=utf8mb4_unicode_ci',
        ],
        { stdio: 'ignore' },
      );
      await waitReady();
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
      child = null;
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
    async killConnections() {
      const connection = await connect();
      try {
        const [rows] = (await connection.query('SELECT ID FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND COMMAND <> \'Daemon\' AND USER <> \'system user\'')) as unknown as [Array<{ ID: number }>];
        for (const row of rows) {
          try {
            await connection.query(`KILL CONNECTION ${Number(row.ID)}`);
          } catch {
            // Gone already.
          }
        }
        return rows.length;
      } finally {
        await connection.end();
      }
    },
    async destroy() {
      server.resume();
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
