import { PassThrough } from 'node:stream';
import { NDJSON_MEDIA_TYPE, type OfferResult, type OffersResponse, OffersStreamLine } from '@yuantou/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LookupOffersDeps } from '../../offers/lookup-offers.js';

// `POST /v1/offers` with `Accept: application/x-ndjson`: the answer streams, one line per ref as soon as it is
// known (issue 23: "a 200-link column fills progressively instead of all at the end"). Lines: `start` (total,
// provider order, currency quote), `result` per ref with its index in `refs`, `end` (core's OffersStreamLine).
// Everything that fails before the first line (a bad body, an unknown currency) is still a problem answer with
// its status; after it, the status is sent, so a failure ends the stream without `end` and the client knows it
// was cut. Each line is validated like a JSON answer, and scrubbed of secrets: the app's scrub hook only sees
// string bodies.

/** True when the client lists NDJSON among what it accepts (with a quality above 0). */
export function wantsNdjson(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== NDJSON_MEDIA_TYPE) return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

type Lookup = (hooks: Pick<LookupOffersDeps, 'onStart' | 'onResult'>) => Promise<OffersResponse>;

/**
 * Runs `lookup`, answering with a stream once it has started (before that, its error is thrown for the problem
 * handler). Resolves with the reply, as a Fastify handler that sent its own answer must.
 */
export function streamOffers(
  request: FastifyRequest,
  reply: FastifyReply,
  lookup: Lookup,
  scrub: (text: string) => string,
): Promise<FastifyReply> {
  const stream = new PassThrough();
  const write = (line: OffersStreamLine) =>
    stream.write(`${scrub(JSON.stringify(OffersStreamLine.parse(line)))}\n`);
  return new Promise<FastifyReply>((resolve, reject) => {
    let started = false;
    const running = lookup({
      onStart: ({ providerOrder, currency }) => {
        started = true;
        write({
          type: 'start',
          total: (request.body as { refs: unknown[] }).refs.length,
          providerOrder,
          currency,
        });
        reply.header('cache-control', 'no-store');
        // Proxies in front (nginx) would otherwise buffer the lines until the end.
        reply.header('x-accel-buffering', 'no');
        resolve(reply.type(NDJSON_MEDIA_TYPE).send(stream));
      },
      onResult: (index: number, result: OfferResult) => write({ type: 'result', index, result }),
    });
    running.then(
      (answer) => {
        write({ type: 'end', sampleData: answer.sampleData });
        stream.end();
      },
      (error: unknown) => {
        if (!started) return reject(error);
        if (reply.raw.destroyed) return void stream.destroy();
        // Headers are gone: the stream ends without `end`, which the client reads as a cut answer.
        request.log.error({ err: error }, 'streamed offers failed after the first line');
        stream.end();
      },
    );
  });
}
