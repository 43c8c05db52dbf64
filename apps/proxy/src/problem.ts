import type { Problem } from '@yuantou/core';
import type { FastifyReply } from 'fastify';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** An RFC 9457 problem body; `type` points at the README's error section for the kind. */
export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `https://github.com/yuantou/yuantou#error-${extra.kind ?? status}`,
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    detail,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  if (body.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(Math.ceil(body.retryAfterSeconds)));
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Thrown by route code to answer with a problem body; the error handler sends it unchanged. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}
