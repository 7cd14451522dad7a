/**
 * Bodies must be JSON objects: a body of another type is refused (415) and a
 * body that does not parse is refused (400) before validation, so the caller
 * learns which of the two went wrong. An empty body stands for {}.
 */
import { createMiddleware } from 'hono/factory';
import { ServiceError } from '../errors.js';
import type { AppEnv } from './context.js';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const text = await c.req.text();
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  if (text.trim() === '') {
    // The JSON validator reads an absent content type as "no body": {}.
    if (mediaType !== '' && JSON_MEDIA_TYPE.test(mediaType)) throw new ServiceError('MALFORMED_BODY');
    await next();
    return;
  }
  if (!JSON_MEDIA_TYPE.test(mediaType)) throw new ServiceError('UNSUPPORTED_MEDIA_TYPE');
  try {
    JSON.parse(text);
  } catch {
    throw new ServiceError('MALFORMED_BODY');
  }
  await next();
});
