/**
 * The sidecar as a real separate process (node --import tsx, as `npm start`
 * runs it, without the npm/tsx wrappers so that the pid is the node process
 * that serves), a keep-alive HTTP client that signs like the Moodle plugin,
 * and /proc readings of memory and CPU.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { NODE_RUNTIME_FLAGS } from '../src/runtime.js';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { signedHeaders } from '../src/signing.js';
import { REPO_ROOT } from './settings.js';
import { sleep } from './stats.js';
import { freePort } from '../scripts/free-port.js';

export interface SidecarOptions {
  databaseUrl: string;
  prefix: string;
  secret: string;
  poolSize: number;
  /** Script to run instead of the sidecar (the HTTP floor), relative to the repository. */
  entry?: string;
  /** A compiled entry point (absolute): run with plain node instead of node --import tsx. */
  compiledEntry?: string;
}

/**
 * Compiles the sidecar as `npm run build` does, into a folder of its own
 * (dist/bench, ignored by git) so that a build of the container is not
 * disturbed; returns the entry point.
 */
export function buildSidecar(): string {
  const out = `${REPO_ROOT}dist/bench`;
  execFileSync(process.execPath, [`${REPO_ROOT}node_modules/typescript/bin/tsc`, '-p', `${REPO_ROOT}sidecar/tsconfig.build.json`, '--outDir', out], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  rmSync(`${out}/lang`, { recursive: true, force: true });
  for (const language of ['en', 'fr']) cpSync(`${REPO_ROOT}lang/${language}`, `${out}/lang/${language}`, { recursive: true });
  return `${out}/sidecar/src/server.js`;
}

export interface RunningSidecar {
  pid: number;
  port: number;
  /** Milliseconds from spawn to the first 200 of /health/ready. */
  readyMs: number;
  /** Milliseconds from spawn to the first answer of /health/live. */
  liveMs: number;
  readiness: unknown;
  child: ChildProcess;
  stop(): Promise<void>;
}

function probe(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.setTimeout(2000, () => request.destroy(new Error('probe timeout')));
  });
}

export async function startSidecar(options: SidecarOptions): Promise<RunningSidecar> {
  const port = await freePort();
  const started = performance.now();
  const args = [
    ...NODE_RUNTIME_FLAGS,
    ...(options.compiledEntry && !options.entry ? [options.compiledEntry] : ['--import', 'tsx', `${REPO_ROOT}${options.entry ?? 'sidecar/src/server.ts'}`]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LETTERING_DATABASE_URL: options.databaseUrl,
      LETTERING_DB_PREFIX: options.prefix,
      LETTERING_SECRET: options.secret,
      LETTERING_HOST: '127.0.0.1',
      LETTERING_PORT: String(port),
      LETTERING_DB_POOL_SIZE: String(options.poolSize),
      LETTERING_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));

  let liveMs: number | null = null;
  for (;;) {
    if (exited !== null) throw new Error(`the sidecar exited (${exited}) before it was ready:\n${output}`);
    if (performance.now() - started > 30000) {
      child.kill('SIGKILL');
      throw new Error(`the sidecar was not ready after 30 s:\n${output}`);
    }
    try {
      if (liveMs === null) {
        const live = await probe(port, '/health/live');
        if (live.status === 200) liveMs = performance.now() - started;
      }
      const ready = await probe(port, '/health/ready');
      if (ready.status === 200) {
        const readyMs = performance.now() - started;
        return {
          pid: child.pid!,
          port,
          readyMs,
          liveMs: liveMs ?? readyMs,
          readiness: JSON.parse(ready.body),
          child,
          async stop() {
            if (exited !== null) return;
            const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
            await done;
            clearTimeout(timer);
          },
        };
      }
    } catch {
      // Not listening yet.
    }
    await sleep(5);
  }
}

/** Resident memory of a process, in MB: now (VmRSS) and its peak (VmHWM). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, peakMb: Math.round(kb('VmHWM') / 102.4) / 10 };
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command: state is index 0, utime 11, stime 12 (in clock ticks, 100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The MariaDB/MySQL server's pid on this machine (to account its CPU); null if it is not local. */
export function databaseServerPid(): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'mariadbd' || comm === 'mysqld') return Number(entry);
    } catch {
      // The process ended meanwhile.
    }
  }
  return null;
}

export interface SignedClient {
  request(method: string, pathWithQuery: string, body?: unknown): Promise<{ status: number; json: any }>;
  close(): void;
}

/** Keep-alive client that signs every call as the Moodle plugin does. */
export function signedClient(port: number, secret: string, maxSockets: number): SignedClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    request(method, pathWithQuery, body) {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const headers = signedHeaders(secret, { method, pathWithQuery, userId: 2, language: 'en', body: text });
      if (text !== undefined) headers['content-length'] = String(Buffer.byteLength(text));
      return new Promise((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port, method, path: pathWithQuery, headers, agent }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            let json: unknown = null;
            try {
              json = raw ? JSON.parse(raw) : null;
            } catch {
              json = { raw };
            }
            resolve({ status: response.statusCode ?? 0, json });
          });
          response.on('error', reject);
        });
        request.on('error', reject);
        if (text !== undefined) request.write(text);
        request.end();
      });
    },
    close() {
      agent.destroy();
    },
  };
}
