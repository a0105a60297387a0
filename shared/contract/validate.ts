import type { z } from 'zod';
import type { ApiError, Result } from '../errors';
import type { MethodName, MethodParsedInput } from './api';
import { contract, isMethodName } from './api';

export function unknownMethodError(name: unknown): ApiError {
  const shown = typeof name === 'string' ? name.slice(0, 100) : typeof name;
  return {
    code: 'unknown_method',
    message: `Axial has no operation called "${shown}". The app and its window may be from different versions: restart Axial.`,
    params: { method: shown },
  };
}

/** Checks an untrusted input against the method's schema. */
export function parseMethodInput<Name extends MethodName>(
  name: Name,
  input: unknown,
): Result<MethodParsedInput<Name>> {
  const schema: z.ZodType = contract[name].input;
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    return { ok: true, value: parsed.data as MethodParsedInput<Name> };
  }
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const described = issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
  return {
    ok: false,
    error: {
      code: 'invalid_input',
      message: `The request to ${name} was not accepted: ${described}`,
      params: { method: name, details: described },
      issues,
    },
  };
}

export function checkMethodName(name: unknown): Result<MethodName> {
  return isMethodName(name)
    ? { ok: true, value: name }
    : { ok: false, error: unknownMethodError(name) };
}
