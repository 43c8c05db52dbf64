import { Keyword } from '@yuantou/core';
import { request } from 'undici';
import { z } from 'zod';
import { BodyTooLargeError, readCappedBody } from '../upstream/capped-body.js';

/** A translation answer is a few hundred bytes; an endless one fails the call at this many (issue 23). */
export const MAX_TRANSLATE_BODY_BYTES = 64 * 1024;

// LibreTranslate's HTTP API (https://docs.libretranslate.com, "API usage"): `POST /translate` with a JSON body
// `{ q, source, target, format, api_key }` answers `{ translatedText }`, plus `detectedLanguage:
// { language, confidence }` when `source` is `auto`. Errors come as `{ error: "…" }` with 400 (bad language,
// missing q), 403 (invalid or missing API key on instances that require one) and 429 ("Slowdown: … per
// minute"). Simplified Chinese is `zh` on self-hosted servers (traditional is `zt`); libretranslate.com also
// accepts `zh-Hans` (LibreTranslate issue #783, SubtitleEdit #9675), hence a configurable target.

const TranslateResponse = z.object({
  translatedText: z.string(),
  detectedLanguage: z.object({ language: z.string(), confidence: z.number().optional() }).optional(),
});
const ErrorResponse = z.object({ error: z.string() });

export interface LibreTranslateOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:5000` (no trailing `/translate`). */
  url: string;
  apiKey?: string;
  /** LibreTranslate's code for simplified Chinese on this server. */
  target: string;
  timeoutMs: number;
}

export interface MachineTranslation {
  text: string;
  /** The language LibreTranslate detected in the keyword, when it says. */
  detected?: string;
}

/** A failed call to the translation server; the message never carries the API key. */
export class TranslateServerError extends Error {
  override readonly name = 'TranslateServerError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface LibreTranslateClient {
  translate(text: string, signal?: AbortSignal): Promise<MachineTranslation>;
}

export function createLibreTranslateClient(options: LibreTranslateOptions): LibreTranslateClient {
  const endpoint = new URL('translate', options.url.endsWith('/') ? options.url : `${options.url}/`);
  return {
    async translate(text, signal) {
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
      let status: number;
      let body: string;
      try {
        const response = await request(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({
            q: text,
            source: 'auto',
            target: options.target,
            format: 'text',
            ...(options.apiKey ? { api_key: options.apiKey } : {}),
          }),
          signal: combined,
        });
        status = response.statusCode;
        body = (await readCappedBody(response, MAX_TRANSLATE_BODY_BYTES)).toString('utf8');
      } catch (error) {
        signal?.throwIfAborted();
        throw new TranslateServerError(
          error instanceof BodyTooLargeError
            ? `translation server sent more than ${MAX_TRANSLATE_BODY_BYTES} bytes`
            : deadline.aborted
              ? `translation server did not answer within ${options.timeoutMs} ms`
              : `translation server unreachable (${(error as { code?: string }).code ?? 'network error'})`,
        );
      }
      const json = parseJson(body);
      if (status < 200 || status >= 300) {
        const message = ErrorResponse.safeParse(json);
        // Only LibreTranslate's own short message: never echo the request (it holds the API key).
        const said = message.success ? message.data.error.slice(0, 200) : `HTTP ${status}`;
        const reason = options.apiKey ? said.replaceAll(options.apiKey, '[redacted]') : said;
        throw new TranslateServerError(`translation server refused: ${reason}`, status);
      }
      const parsed = TranslateResponse.safeParse(json);
      if (!parsed.success)
        throw new TranslateServerError('translation server sent an unexpected body', status);
      // The translation becomes the paid keyword: it is held to the rules a client's keyword is (issue 23: control
      // characters and 100,000-character answers were sent to providers as typed by the server).
      const keyword = Keyword.safeParse(parsed.data.translatedText);
      if (!keyword.success)
        throw new TranslateServerError(
          `translation server sent an unusable keyword (${keyword.error.issues[0]?.message ?? 'invalid'})`,
          status,
        );
      return { text: keyword.data, detected: parsed.data.detectedLanguage?.language };
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
