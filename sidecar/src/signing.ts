/**
 * Request signatures between the Moodle plugin and the service.
 *
 * The plugin signs, with the shared secret (HMAC-SHA256), a canonical text
 * made of everything that gives a request its meaning: method, path with its
 * query string exactly as sent, timestamp, acting Moodle user, the language
 * asked for, and a SHA-256 of the body. Changing any of them breaks the
 * signature; the timestamp bounds how long a captured request stays usable.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_SCHEME = 'LETTERING-HMAC-SHA256';
export const HEADER_TIMESTAMP = 'x-lettering-timestamp';
export const HEADER_USER = 'x-lettering-user';
export const HEADER_SIGNATURE = 'x-lettering-signature';
/** How far (seconds) a request's timestamp may be from the service's clock. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export interface SignedParts {
  method: string;
  /** Path and query string as they appear in the request line, e.g. /v1/bills?status=COMPLETE */
  pathWithQuery: string;
  timestamp: string;
  userId: string;
  /** The Accept-Language header as sent, '' when there is none. */
  language: string;
  body: Uint8Array | string;
}

export function sha256Hex(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}

export function canonicalRequest(parts: SignedParts): string {
  return [
    SIGNATURE_SCHEME,
    parts.method.toUpperCase(),
    parts.pathWithQuery,
    parts.timestamp,
    parts.userId,
    parts.language,
    sha256Hex(parts.body),
  ].join('\n');
}

export function sign(secret: string, parts: SignedParts): string {
  return createHmac('sha256', secret).update(canonicalRequest(parts)).digest('hex');
}

/** Constant-time check of a hex signature. */
export function signatureMatches(secret: string, parts: SignedParts, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(sign(secret, parts), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** Headers for a signed request (used by the CLI, the tests and the benchmark). */
export function signedHeaders(
  secret: string,
  request: { method: string; pathWithQuery: string; userId: number; language?: string; body?: string },
  now = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const timestamp = String(now);
  const language = request.language ?? '';
  const signature = sign(secret, {
    method: request.method,
    pathWithQuery: request.pathWithQuery,
    timestamp,
    userId: String(request.userId),
    language,
    body: request.body ?? '',
  });
  const headers: Record<string, string> = {
    [HEADER_TIMESTAMP]: timestamp,
    [HEADER_USER]: String(request.userId),
    [HEADER_SIGNATURE]: signature,
  };
  if (language) headers['accept-language'] = language;
  if (request.body !== undefined && request.body !== '') headers['content-type'] = 'application/json';
  return headers;
}
