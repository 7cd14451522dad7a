/**
 * The one validation hook of every zValidator: the first problem becomes a
 * VALIDATION_FAILED error naming the field and, in the caller's language,
 * what it expects. Schemas give their messages as string keys of lang/.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ServiceError } from '../errors.js';

const REASON_KEY = /^validation_[a-z_]+$/;

export function validationError(error: { issues: readonly z.core.$ZodIssue[] }, extra: Record<string, string | number> = {}): ServiceError {
  const issue = error.issues[0]!;
  let field = issue.path.map(String).join('.') || 'body';
  let reasonkey = REASON_KEY.test(issue.message) ? issue.message : 'validation_invalid';
  if (issue.code === 'unrecognized_keys') {
    field = [...issue.path.map(String), issue.keys[0]].filter(Boolean).join('.');
    reasonkey = 'validation_unknown';
  } else if (issue.code === 'invalid_type' && issue.path.length === 0) {
    reasonkey = 'validation_object';
  }
  return new ServiceError('VALIDATION_FAILED', { field, reasonkey, ...extra });
}

/** zValidator with the shared hook. */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error);
  });
}
