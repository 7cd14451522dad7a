/**
 * Turns anything thrown by a handler into the service's one error shape:
 *   { "error": { "code", "status", "message", "details" } }
 * The message is in the caller's language. Database failures become 503s;
 * anything unexpected a 500 whose text says nothing of the cause (the cause
 * goes to the log, never to the client).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ServiceError, type ErrorDetails } from '../errors.js';
import { negotiateLanguage, translate, type Catalog, type Language } from '../i18n.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './context.js';
import { databaseErrorCode } from '../db/errors.js';

/** Values for a message's placeholders; validation reasons are string keys themselves. */
function messageValues(catalog: Catalog, language: Language, details: ErrorDetails): Record<string, unknown> {
  if (typeof details.reasonkey === 'string') {
    return { ...details, reason: translate(catalog, language, details.reasonkey, details) };
  }
  return details;
}

export function errorBody(catalog: Catalog, language: Language, error: ServiceError) {
  const details = { ...error.details };
  const message = translate(catalog, language, error.messageKey, messageValues(catalog, language, details));
  delete details.reasonkey;
  return { error: { code: error.code, status: error.status, message, details } };
}

export function toServiceError(error: unknown): ServiceError | null {
  if (error instanceof ServiceError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400) return new ServiceError('MALFORMED_BODY');
    if (error.status === 413) return new ServiceError('BODY_TOO_LARGE');
    return null;
  }
  const database = databaseErrorCode(error);
  return database ? new ServiceError(database) : null;
}

export function createErrorHandler(catalog: Catalog, logger: Logger) {
  return (error: unknown, c: Context<AppEnv>) => {
    const language = c.get('language') ?? negotiateLanguage(c.req.header('accept-language'));
    let known = toServiceError(error);
    if (!known || known.status >= 500) {
      const cause = error instanceof Error ? { name: error.name, message: error.message, code: (error as { code?: unknown }).code } : { value: String(error) };
      logger.log(known ? 'warn' : 'error', 'request failed', { requestId: c.get('requestId'), path: c.req.path, cause, stack: known ? undefined : (error as Error)?.stack });
    }
    known ??= new ServiceError('INTERNAL');
    return c.json(errorBody(catalog, language, known), known.status as ContentfulStatusCode);
  };
}
