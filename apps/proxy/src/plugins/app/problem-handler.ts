import type { Problem } from '@yuantou/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ProblemError, problem, sendProblem } from '../../problem.js';

/**
 * The request field a validation issue points at: `/pageSize` → `pageSize`, `/freight/perKg` → `freight.perKg`,
 * root → the part (`body`).
 */
function fieldOf(instancePath: string | undefined, context: string | undefined): string {
  // Up to the first list index: what a caller can fix is `provider`, not `provider.1`; inside an object (the
  // landed-cost rate card) the member itself, `freight.perKg`.
  const segments = (instancePath ?? '').split('/').filter(Boolean);
  const index = segments.findIndex((segment) => /^\d+$/.test(segment));
  const path = (index === -1 ? segments : segments.slice(0, index)).join('.');
  return path || (context === 'querystring' ? 'query' : (context ?? 'request'));
}

// Known framework errors keep their status with a message of ours; anything else is a 500 with a generic
// message, so no stack trace, upstream URL or secret can reach a client.
const FRAMEWORK_ERRORS: Record<
  string,
  { status: number; field?: string; detail: (e: FastifyError) => string }
> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, field: 'body', detail: () => 'request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    field: 'content-type',
    detail: () => 'send the body as application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, field: 'body', detail: () => 'the JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, field: 'body', detail: () => 'the body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    field: 'content-length',
    detail: () => 'content-length does not match the body',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    field: 'url',
    detail: () => 'the URL holds a malformed %-escape: encode it with encodeURIComponent',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    field: 'url',
    detail: () => 'the URL is too long: links are read up to 2,000 characters',
  },
};

/** The problem for an error Fastify raises outside any route (its `frameworkErrors`), never its own body. */
export function frameworkProblem(error: FastifyError): Problem {
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (known)
    return problem(known.status, known.detail(error), { field: known.field, kind: kindOf(known.status) });
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return problem(status, 'the request was not understood');
}

const kindOf = (status: number) =>
  status === 400 || status === 413 || status === 414 || status === 415 ? 'validation' : undefined;

async function problemHandler(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = fieldOf(first?.instancePath, error.validationContext);
      return sendProblem(
        reply,
        problem(400, `${field}: ${first?.message ?? 'invalid value'}`, { field, kind: 'validation' }),
      );
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) {
      return sendProblem(
        reply,
        problem(known.status, known.detail(error), { field: known.field, kind: kindOf(known.status) }),
      );
    }
    // JSON.parse failures surface as a SyntaxError with status 400.
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return sendProblem(
        reply,
        problem(400, 'the body is not valid JSON', { field: 'body', kind: 'validation' }),
      );
    }
    if (error.statusCode === 429) {
      const retryAfter = Number(reply.getHeader('retry-after'));
      return sendProblem(
        reply,
        problem(429, 'too many requests from this client; slow down', {
          kind: 'too_many_requests',
          ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
        }),
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problem(error.statusCode, 'the request was not understood'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem(500, 'internal error', { kind: 'internal' }));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}

export default fp(problemHandler, { name: 'problem-handler' });
