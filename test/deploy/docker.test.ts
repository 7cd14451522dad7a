/**
 * The container files, read as files: no Docker engine runs here, so the
 * checks are that the compose file parses, wires every variable the
 * service's configuration requires, and publishes nothing but Moodle; and
 * that the image is multi-stage, production-only, non-root, with a health
 * check on readiness.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../sidecar/src/config.js';
import { NODE_RUNTIME_FLAGS } from '../../sidecar/src/runtime.js';

const compose = parse(readFileSync('docker/compose.yaml', 'utf8'));
const envExample = Object.fromEntries(
  readFileSync('docker/.env.example', 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
const dockerfile = readFileSync('docker/Dockerfile', 'utf8');

/** Replaces ${NAME} the way compose does, from the .env example. */
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
    expect(envExample, `${name} is used by compose.yaml but missing from .env.example`).toHaveProperty(name);
    return envExample[name]!;
  });
}

describe('compose.yaml', () => {
  it('has the database, Moodle and the service', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['lettering', 'mariadb', 'moodle']);
  });

  it("gives the service a configuration its own validation accepts", () => {
    const environment = Object.fromEntries(Object.entries(compose.services.lettering.environment).map(([key, value]) => [key, interpolate(String(value))]));
    const config = loadConfig(environment);
    expect(config.database).toMatchObject({ host: 'mariadb', port: 3306, user: envExample.MOODLE_DB_USER, password: envExample.MOODLE_DB_PASSWORD, name: envExample.MOODLE_DB_NAME });
    expect(config.prefix).toBe(envExample.MOODLE_DB_PREFIX);
    expect(config.host).toBe('0.0.0.0');
  });

  it('uses only variables the .env example defines', () => {
    const text = readFileSync('docker/compose.yaml', 'utf8');
    for (const match of text.matchAll(/\$\{([A-Z_]+)\}/g)) expect(envExample).toHaveProperty(match[1]!);
  });

  it('puts the service and the database on the internal network only, and publishes only Moodle', () => {
    expect(compose.networks.internal.internal).toBe(true);
    expect(compose.services.lettering.networks).toEqual(['internal']);
    expect(compose.services.mariadb.networks).toEqual(['internal']);
    expect(compose.services.lettering.ports).toBeUndefined();
    expect(compose.services.mariadb.ports).toBeUndefined();
    expect(compose.services.moodle.ports).toHaveLength(1);
    expect(compose.services.moodle.networks).toEqual(expect.arrayContaining(['internal', 'public']));
  });

  it("mounts the plugin and the block into Moodle's dirroot", () => {
    const volumes: string[] = compose.services.moodle.volumes;
    expect(volumes).toContain('../moodle-plugin/local/shop:/var/www/html/local/shop:ro');
    expect(volumes).toContain('../moodle-plugin/blocks/shop_access:/var/www/html/blocks/shop_access:ro');
  });

  it('builds the service from the Dockerfile and waits for healthy dependencies', () => {
    expect(compose.services.lettering.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(compose.services.lettering.depends_on.mariadb.condition).toBe('service_healthy');
    expect(compose.services.moodle.depends_on.lettering.condition).toBe('service_healthy');
  });
});

describe('how production runs Node', () => {
  it('uses the same flags in the README, npm start and the image', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`ExecStart=/usr/bin/node ${NODE_RUNTIME_FLAGS.join(' ')} dist/sidecar/src/server.js`);
    const start = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string;
    expect(start).toBe(`node ${NODE_RUNTIME_FLAGS.join(' ')} --import tsx sidecar/src/server.ts`);
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.split('\n').filter((line) => /^FROM /.test(line));

  it('builds in one stage and runs from another with production dependencies only', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/^FROM node:20\S* AS build$/);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toContain('npm ci --omit=dev');
    expect(runtime).toContain('COPY --from=build /src/dist ./dist');
    expect(runtime).not.toMatch(/COPY (sidecar|test|moodle-plugin)/);
  });

  it('runs as a non-root user, with a health check on readiness and the server as command', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/health\/ready/m);
    expect(dockerfile).toMatch(/^CMD \["node", (.*), "dist\/sidecar\/src\/server\.js"\]$/m);
    const flags = /^CMD \["node", (.*), "dist/m.exec(dockerfile)![1]!.split(', ').map((flag) => JSON.parse(flag));
    expect(flags).toEqual([...NODE_RUNTIME_FLAGS]);
  });

  it('copies what the build needs, and leaves tests and secrets out of the context', () => {
    const ignore = readFileSync('docker/Dockerfile.dockerignore', 'utf8').split('\n');
    for (const entry of ['node_modules', 'test', 'moodle-plugin', 'docker/.env', '.demo']) expect(ignore).toContain(entry);
    for (const path of ['package.json', 'package-lock.json', 'tsconfig.json', 'sidecar/tsconfig.build.json', 'sidecar/src', 'lang']) expect(dockerfile).toContain(path);
  });
});
