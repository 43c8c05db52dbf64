import type { OfferResult } from '@yuantou/core';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSecretScrubber } from '../../secret-scrubber.js';
import { streamOffers, wantsNdjson } from './offers-stream.js';

// The streamed answer on its own: content negotiation, the lines, each line scrubbed (the app's scrub hook sees
// only string bodies, never a stream), errors before the first line thrown for the problem handler, and a failure
// after it ending the stream without `end`.

const SECRET = 'tmapi-token-Q8z!x(7)~';

const failed = (ref: string, message: string): OfferResult => ({
  ref,
  offerId: ref,
  attempts: [],
  error: { kind: 'upstream', message },
});

function appWith(lookup: Parameters<typeof streamOffers>[2]) {
  const app = Fastify();
  app.post('/offers', (request, reply) =>
    streamOffers(request, reply, lookup, createSecretScrubber([SECRET])),
  );
  return app;
}

const post = (app: ReturnType<typeof appWith>) =>
  app.inject({ method: 'POST', url: '/offers', payload: { refs: ['612345678901', '612345678902'] } });

describe('streamOffers', () => {
  it('wants NDJSON only when the client lists it with a quality above 0', () => {
    expect(wantsNdjson('application/x-ndjson')).toBe(true);
    expect(wantsNdjson('application/x-ndjson, application/json;q=0.5')).toBe(true);
    expect(wantsNdjson('application/json, application/x-ndjson;q=0.1')).toBe(true);
    expect(wantsNdjson('application/x-ndjson;q=0')).toBe(false);
    expect(wantsNdjson('application/json')).toBe(false);
    expect(wantsNdjson(undefined)).toBe(false);
  });

  it('sends start, one line per result as given, end — each line scrubbed of secrets', async () => {
    const app = appWith(async ({ onStart, onResult }) => {
      onStart!({ providerOrder: ['tmapi'] });
      const results = [
        failed('612345678901', `tmapi said: bad token ${SECRET}`),
        failed('612345678902', 'x'),
      ];
      onResult!(1, results[1]!);
      onResult!(0, results[0]!);
      return { results, providerOrder: ['tmapi'], sampleData: false };
    });
    const response = await post(app);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('Q8z');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.type, l.index])).toEqual([
      ['start', undefined],
      ['result', 1],
      ['result', 0],
      ['end', undefined],
    ]);
    expect(lines[0]).toMatchObject({ total: 2, providerOrder: ['tmapi'] });
    expect(lines[2].result.error.message).toContain('[redacted]');
  });

  it('an error before the first line is thrown (a problem answer); after it, the stream ends without end', async () => {
    const early = appWith(async () => {
      throw Object.assign(new Error('currency: EUR is not offered'), { statusCode: 400 });
    });
    expect((await post(early)).statusCode).toBe(400);
    const late = appWith(async ({ onStart, onResult }) => {
      onStart!({ providerOrder: ['tmapi'] });
      onResult!(0, failed('612345678901', 'x'));
      throw new Error('the store went away');
    });
    const response = await post(late);
    expect(response.statusCode).toBe(200);
    const types = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).type);
    expect(types).toEqual(['start', 'result']);
  });
});
