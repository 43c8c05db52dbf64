import { listProviders } from '@yuantou/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DestinationStream, type Logger, pino } from 'pino';
import { createSecretScrubber } from './secret-scrubber.js';

/**
 * Header and field names that carry secrets wherever they appear in a log object: the adapters' declared
 * `secretFields`, one list for config, logs, `/v1/providers` and the body scrubber.
 */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.signature',
  'credentials',
  '*.credentials',
  'tokens',
  ...new Set(listProviders().flatMap((provider) => provider.secretFields.map((field) => `*.${field}`))),
];

export interface LoggerOptions {
  level: string;
  secrets: string[];
  stream?: DestinationStream;
}

/**
 * Two layers: `redact` for known paths, then a last pass over each finished line that replaces any
 * configured secret value — so a secret quoted in some upstream error text cannot reach the log either.
 */
export function createLogger(options: LoggerOptions): Logger {
  const scrub = createSecretScrubber(options.secrets);
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        streamWrite: scrub,
      },
      serializers: {
        // Path only: query strings are the caller's business and never need to be in our logs.
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: request.url.split('?')[0],
          id: request.id,
        }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    options.stream,
  );
}
