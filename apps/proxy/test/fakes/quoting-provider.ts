import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A careless provider (issue 23): every answer is an error quoting our request back — URL, headers and body —
// spelled the way some server happened to: raw, JSON-escaped, URL-encoded once or twice, HTML entities, base64
// or base64url, and optionally cut to a window of it (servers shorten what they quote, anywhere). Used to prove
// no piece of a secret reaches a client or a log line, however it comes back.

export type QuoteEncoding =
  | 'raw'
  | 'json'
  | 'url'
  | 'url-twice'
  | 'html'
  | 'html-numeric'
  | 'base64'
  | 'base64url';

export const QUOTE_ENCODINGS: readonly QuoteEncoding[] = [
  'raw',
  'json',
  'url',
  'url-twice',
  'html',
  'html-numeric',
  'base64',
  'base64url',
];

const ENCODE: Record<QuoteEncoding, (text: string) => string> = {
  raw: (t) => t,
  json: (t) => JSON.stringify(t).slice(1, -1),
  url: encodeURIComponent,
  'url-twice': (t) => encodeURIComponent(encodeURIComponent(t)),
  html: (t) =>
    t
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;'),
  'html-numeric': (t) => t.replace(/[^A-Za-z0-9 ]/g, (c) => `&#${c.codePointAt(0)};`),
  base64: (t) => Buffer.from(t).toString('base64'),
  base64url: (t) => Buffer.from(t).toString('base64url'),
};

export interface QuoteMode {
  encoding: QuoteEncoding;
  /** Quote only this window of the encoded request (start, length); the whole of it when absent. */
  window?: [number, number];
  /** HTTP status of the error answer; 400 by default. */
  status?: number;
}

export interface QuotingProvider {
  url: string;
  /** How many requests it answered. */
  calls(): number;
  setMode(mode: QuoteMode): void;
  /** The encoded quote of the last request, whole (tests find where the secret sits in it). */
  lastQuote(): string;
  close(): Promise<void>;
}

export async function startQuotingProvider(): Promise<QuotingProvider> {
  let mode: QuoteMode = { encoding: 'raw' };
  let calls = 0;
  let last = '';
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      calls += 1;
      last = ENCODE[mode.encoding](
        `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${body}`,
      );
      const quoted = mode.window ? last.slice(mode.window[0], mode.window[0] + mode.window[1]) : last;
      response.writeHead(mode.status ?? 400, { 'content-type': 'application/json' });
      // Every field name the adapters read an error text from.
      response.end(
        JSON.stringify({
          code: 400,
          msg: quoted,
          message: quoted,
          error: quoted,
          reason: quoted,
          error_msg: quoted,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls: () => calls,
    setMode: (next) => {
      mode = next;
    },
    lastQuote: () => last,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
