/**
 * Makes one signed call to the service, as the Moodle plugin would:
 *
 *   npm run call -- GET '/v1/bills?status=COMPLETE&limit=5'
 *   npm run call -- PUT /v1/bills/42/lettering '{"lettering":"FA-2024-0042"}'
 *
 * Reads LETTERING_SECRET (or the demo's secret file), LETTERING_URL
 * (default http://127.0.0.1:8787), LETTERING_USER (default 2) and
 * LETTERING_LANGUAGE (default en).
 */
import { existsSync, readFileSync } from 'node:fs';
import { signedHeaders } from '../src/signing.js';
import { DEMO_SECRET_FILE } from './demo-settings.js';

const [method = 'GET', pathWithQuery = '/v1/bills', body] = process.argv.slice(2);
const secret = process.env.LETTERING_SECRET ?? (existsSync(DEMO_SECRET_FILE) ? readFileSync(DEMO_SECRET_FILE, 'utf8').trim() : '');
if (!secret) {
  process.stderr.write('Set LETTERING_SECRET (or run the demo first: npm run demo).\n');
  process.exit(2);
}
const base = process.env.LETTERING_URL ?? 'http://127.0.0.1:8787';
// fetch sends the URL as its parser writes it (it re-encodes characters such as '): sign that.
const url = new URL(`${base}${pathWithQuery}`);
const headers = signedHeaders(secret, {
  method: method.toUpperCase(),
  pathWithQuery: url.pathname + url.search,
  userId: Number(process.env.LETTERING_USER ?? 2),
  language: process.env.LETTERING_LANGUAGE ?? 'en',
  body,
});
try {
  const response = await fetch(url, { method: method.toUpperCase(), headers, body });
  const text = await response.text();
  process.stdout.write(`HTTP ${response.status}\n`);
  try {
    process.stdout.write(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  } catch {
    process.stdout.write(`${text}\n`);
  }
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`Could not reach ${base}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
