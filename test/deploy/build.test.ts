/**
 * What the image runs: the compiled service (npm run build) starts from
 * dist/ with the catalog beside it and answers on a real database.
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database.js';
import { TEST_SECRET, signedRequest } from '../support/service.js';

let throwaway: ThrowawayDatabase;
beforeAll(async () => {
  throwaway = await createThrowawayDatabase();
  const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
  expect(build.status, build.stderr + build.stdout).toBe(0);
});
afterAll(async () => {
  await throwaway?.drop();
});

describe('the compiled service', () => {
  it('starts from dist/, answers in French from the copied catalog, and stops on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['dist/sidecar/src/server.js'], {
      env: { PATH: process.env.PATH, LETTERING_DATABASE_URL: throwaway.url, LETTERING_SECRET: TEST_SECRET, LETTERING_PORT: String(port) },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const base = `http://127.0.0.1:${port}`;
      let ready = 0;
      for (let i = 0; i < 100 && ready !== 200; i++) {
        ready = await fetch(`${base}/health/ready`).then((r) => r.status, () => 0);
        if (ready !== 200) await new Promise((r) => setTimeout(r, 50));
      }
      expect(ready).toBe(200);
      const response = await fetch(signedRequest('GET', '/v1/bills/424242', { language: 'fr' }, base));
      expect(response.status).toBe(404);
      expect(((await response.json()) as any).error.message).toBe("Il n'existe aucune facture d'identifiant 424242.");
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a bad configuration with one line and exit code 78', () => {
    const result = spawnSync(process.execPath, ['dist/sidecar/src/server.js'], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
    expect(result.status).toBe(78);
    expect(result.stderr.trim()).toMatch(/^Configuration error: LETTERING_SECRET is missing/);
  });
});
