import { describe, expect, it } from 'vitest';
import type { OfferResult } from '../api/offer-routes.js';
import { createClient, ProxyRequestError } from './create-client.js';

// streamOffers reads `POST /v1/offers` as NDJSON: lines split across chunks, several lines in one chunk, a
// multi-byte character cut between chunks, results handed over before the stream ends, malformed and cut streams.

const BASE = 'http://proxy.test';

const notFound = (ref: string): OfferResult => ({
  ref,
  offerId: ref,
  attempts: [],
  error: { kind: 'not_found', message: `offer ${ref} not found — 未找到` },
});

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const start = (total: number) => line({ type: 'start', total, providerOrder: ['tmapi', 'onebound'] });
const result = (index: number, ref: string) => line({ type: 'result', index, result: notFound(ref) });
const end = line({ type: 'end', sampleData: false });

/** A fetch answering with these byte chunks, each released only when `release` lets it (for ordering tests). */
function streamingFetch(chunks: Uint8Array[], gate?: (index: number) => Promise<void>) {
  const seen: { accept: string | null } = { accept: null };
  const fetch = async (_input: string, init: RequestInit) => {
    seen.accept = new Headers(init.headers).get('accept');
    let next = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (next === chunks.length) return controller.close();
        await gate?.(next);
        controller.enqueue(chunks[next++]!);
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
  };
  return { fetch, seen };
}

/** Cuts the text's bytes at these offsets (a cut may fall inside a line or inside a UTF-8 character). */
function cut(text: string, at: number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const edges = [0, ...at, bytes.length];
  return edges.slice(1).map((edge, i) => bytes.slice(edges[i]!, edge));
}

describe('createClient.streamOffers', () => {
  it('asks for NDJSON and reads lines split across chunks, a UTF-8 character cut in two included', async () => {
    const text =
      start(3) + result(2, '612345678903') + result(0, '612345678901') + result(1, '612345678902') + end;
    const chineseAt = new TextEncoder().encode(text).indexOf(0xe6); // the first byte of 未
    const { fetch, seen } = streamingFetch(cut(text, [5, 37, chineseAt + 1, chineseAt + 2, 200, 201]));
    const client = createClient({ baseUrl: BASE, fetch });
    const handed: [number, string][] = [];
    const answer = await client.streamOffers(
      { refs: ['612345678901', '612345678902', '612345678903'] },
      (i, r) => handed.push([i, r.ref]),
    );
    expect(seen.accept).toContain('application/x-ndjson');
    expect(handed).toEqual([
      [2, '612345678903'],
      [0, '612345678901'],
      [1, '612345678902'],
    ]);
    expect(answer.results.map((r) => r.ref)).toEqual(['612345678901', '612345678902', '612345678903']);
    expect(answer.results[0]!.error!.message).toContain('未找到');
    expect(answer.providerOrder).toEqual(['tmapi', 'onebound']);
  });

  it('hands each result over with the batch’s currency quote from the first line', async () => {
    const quote = { currency: 'USD', rate: 7.12, rateDate: '2026-12-04', source: 'config', stale: false };
    const text =
      line({ type: 'start', total: 1, providerOrder: ['tmapi'], currency: quote }) +
      result(0, '612345678901') +
      end;
    const client = createClient({ baseUrl: BASE, fetch: streamingFetch(cut(text, [])).fetch });
    const batches: unknown[] = [];
    await client.streamOffers({ refs: ['612345678901'] }, (_i, _r, batch) => batches.push(batch));
    expect(batches).toEqual([{ providerOrder: ['tmapi'], currency: quote }]);
  });

  it('hands each result over as its line arrives, before the stream has ended', async () => {
    const chunks = [start(2) + result(0, '612345678901'), result(1, '612345678902') + end].map((t) =>
      new TextEncoder().encode(t),
    );
    let releaseSecond: () => void = () => {};
    const second = new Promise<void>((resolve) => {
      releaseSecond = resolve;
    });
    const { fetch } = streamingFetch(chunks, (index) => (index === 1 ? second : Promise.resolve()));
    const client = createClient({ baseUrl: BASE, fetch });
    const handed: number[] = [];
    let firstSeen: () => void = () => {};
    const sawFirst = new Promise<void>((resolve) => {
      firstSeen = resolve;
    });
    const done = client.streamOffers({ refs: ['612345678901', '612345678902'] }, (index) => {
      handed.push(index);
      if (index === 0) firstSeen();
    });
    await sawFirst;
    // The second line is still held back by the server: only the first result has been handed over.
    expect(handed).toEqual([0]);
    releaseSecond();
    await done;
    expect(handed).toEqual([0, 1]);
  });

  it('a malformed line rejects with invalid_response after the results before it were handed over', async () => {
    const text = `${start(2) + result(0, '612345678901')}{"type":"result","index":1,\n${end}`;
    const client = createClient({ baseUrl: BASE, fetch: streamingFetch(cut(text, [10])).fetch });
    const handed: number[] = [];
    const error = await client
      .streamOffers({ refs: ['612345678901', '612345678902'] }, (index) => handed.push(index))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyRequestError);
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect((error as Error).message).toContain('not JSON');
    expect(handed).toEqual([0]);
  });

  it('a line of the wrong shape and a stream cut before every ref was answered are invalid_response', async () => {
    const wrong = start(1) + line({ type: 'result', index: 0, result: { ref: 1 } }) + end;
    const cutShort = start(2) + result(0, '612345678901');
    for (const text of [wrong, cutShort]) {
      const client = createClient({ baseUrl: BASE, fetch: streamingFetch(cut(text, [])).fetch });
      await expect(
        client.streamOffers({ refs: ['612345678901', '612345678902'] }, () => {}),
      ).rejects.toMatchObject({
        kind: 'invalid_response',
      });
    }
    const client = createClient({ baseUrl: BASE, fetch: streamingFetch(cut(cutShort, [])).fetch });
    await expect(client.streamOffers({ refs: ['612345678901'] }, () => {})).rejects.toThrow(
      /after 1 of 2 results/,
    );
  });

  it('a proxy that answers JSON hands every result over, in order, when the answer arrives', async () => {
    const fetch = async () =>
      new Response(
        JSON.stringify({
          results: [notFound('612345678901'), notFound('612345678902')],
          providerOrder: ['tmapi'],
          sampleData: false,
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const handed: number[] = [];
    const answer = await createClient({ baseUrl: BASE, fetch }).streamOffers(
      { refs: ['612345678901', '612345678902'] },
      (index) => handed.push(index),
    );
    expect(handed).toEqual([0, 1]);
    expect(answer.results).toHaveLength(2);
  });

  it('a problem answer rejects as getOffers would, naming the field', async () => {
    const fetch = async () =>
      new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'refs: bad',
          kind: 'validation',
          field: 'refs',
        }),
        { status: 400, headers: { 'content-type': 'application/problem+json' } },
      );
    await expect(
      createClient({ baseUrl: BASE, fetch }).streamOffers({ refs: ['612345678901'] }, () => {}),
    ).rejects.toMatchObject({ kind: 'validation', field: 'refs' });
  });
});
