import {
  type OfferResult,
  type OffersResponse,
  type OffersStreamLine,
  OffersStreamLine as StreamLine,
} from '../api/offer-routes.js';

// Reading a streamed `POST /v1/offers` answer (NDJSON, one line per ref as the proxy has it) with nothing but
// fetch's ReadableStream and TextDecoder, so it runs in the add-in's browser runtime as well as in Node. A line
// may arrive split over several chunks and several lines in one chunk; each line is validated with the proxy's
// own schema, and each result is handed over at once.

/**
 * Each result as it arrives: its ref's place in `refs`, the result, and what the batch's first line said (the
 * provider order and the currency quote every converted price in it uses).
 */
export type OnOfferResult = (
  index: number,
  result: OfferResult,
  batch: Pick<OffersResponse, 'providerOrder' | 'currency'>,
) => void;

/** Throws the client's error for an answer it cannot read (kind `invalid_response`). */
type Invalid = (detail: string, cause?: unknown) => never;

/** Calls `onLine` for each complete non-blank line of `body`, decoding UTF-8 across chunk boundaries. */
async function eachLine(body: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const flush = (final: boolean) => {
    const lines = buffered.split('\n');
    buffered = final ? '' : lines.pop()!;
    for (const line of lines) if (line.trim() !== '') onLine(line);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      flush(false);
    }
    buffered += decoder.decode();
    flush(true);
  } finally {
    reader.releaseLock();
  }
}

/**
 * Reads the stream to its end, handing each result to `onResult` as its line arrives, and assembles the whole
 * answer. A malformed line, or a stream that ends before `end` or without a result for every ref, is `invalid`
 * (the results already handed over stand).
 */
export async function readOffersStream(
  body: ReadableStream<Uint8Array>,
  onResult: OnOfferResult,
  invalid: Invalid,
): Promise<OffersResponse> {
  // An object, not two `let`s: TypeScript does not see assignments made inside the line callback.
  const seen: {
    start?: Extract<OffersStreamLine, { type: 'start' }>;
    end?: Extract<OffersStreamLine, { type: 'end' }>;
  } = {};
  const results: OfferResult[] = [];
  let count = 0;
  await eachLine(body, (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      invalid(`a stream line that is not JSON: "${text.slice(0, 80)}"`, error);
    }
    const parsed = StreamLine.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      invalid(
        `an unexpected stream line (${issue?.path.join('.') || 'line'}: ${issue?.message})`,
        parsed.error,
      );
    }
    const line = parsed.data;
    if (line.type === 'start') seen.start = line;
    else if (line.type === 'end') seen.end = line;
    else {
      if (!seen.start || line.index >= seen.start.total)
        invalid(`a result line for ref ${line.index} it did not announce`);
      if (results[line.index] === undefined) count++;
      results[line.index] = line.result;
      const { providerOrder, currency } = seen.start;
      onResult(line.index, line.result, { providerOrder, ...(currency ? { currency } : {}) });
    }
  });
  const { start, end } = seen;
  if (!start || !end || count < start.total) {
    return invalid(`a stream that ended after ${count} of ${start?.total ?? '?'} results`);
  }
  return {
    results,
    providerOrder: start.providerOrder,
    sampleData: end.sampleData,
    ...(start.currency ? { currency: start.currency } : {}),
  };
}
