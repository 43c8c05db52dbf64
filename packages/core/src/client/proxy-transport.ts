import type * as z from 'zod';
import { NDJSON_MEDIA_TYPE } from '../api/offer-routes.js';
import { Problem } from '../api/routes.js';
import { joinUrl } from '../providers/request-context.js';
import { retryAfterMs, snippet } from '../providers/response-body.js';
import type { ProxyClientOptions } from './proxy-client.js';
import { ProxyRequestError, proxyKindForStatus } from './proxy-request-error.js';
import { requestSignal } from './request-signal.js';

// How every call of createClient reaches the proxy: input validated before anything is sent, one fetch with the
// caller's signal and the timeout, the answer validated after, and every failure as a ProxyRequestError. It
// uses nothing but `fetch`, URL/URLSearchParams and AbortSignal (the add-in's browser runtime has no more).

/** One request to the proxy and the schema its answer must match (`null`: any 2xx will do, its body unparsed). */
export interface Call<Schema extends z.ZodType | null> {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  response: Schema;
  signal: AbortSignal | undefined;
  /** Reads a streamed (NDJSON) answer instead of `response`, while the call's signal and timeout still hold. */
  stream?: (
    body: ReadableStream<Uint8Array>,
    invalid: (detail: string, cause?: unknown) => never,
  ) => Promise<unknown>;
}

/** Query string the proxy's SearchParams reads back: lists comma-joined, booleans as `true`/`false`. */
export function toQueryString(params: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return query.toString();
}

/** Validates before anything is sent: bad input never reaches the network. */
export function validated<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  url: string,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // The top-level name is the parameter the caller set (`provider`, not `provider.1`).
  const field = issue?.path[0] === undefined ? null : String(issue.path[0]);
  return throwError({
    kind: 'validation',
    url,
    field,
    message: `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid input'}`,
  });
}

/** A ref as one URL path segment (a link is percent-encoded whole); a blank ref is a validation error. */
export function refSegment(ref: string, url: string): string {
  const text = String(ref ?? '').trim();
  if (text === '')
    throwError({ kind: 'validation', url, field: 'ref', message: 'ref: give a link or an offer id' });
  return encodeURIComponent(text);
}

export function throwError(init: ConstructorParameters<typeof ProxyRequestError>[0]): never {
  throw new ProxyRequestError(init);
}

/** The base URL as it may appear in a message: without any `user:password@`. */
function displayUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//');
}

function problemError(status: number, text: string, headers: Headers, url: string): ProxyRequestError {
  const headerRetryMs = retryAfterMs({
    status,
    body: '',
    headers: { 'retry-after': headers.get('retry-after') ?? undefined },
  });
  const headerRetrySeconds = headerRetryMs === null ? null : headerRetryMs / 1000;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const problem = Problem.safeParse(json);
  if (!problem.success) {
    return new ProxyRequestError({
      kind: proxyKindForStatus(status),
      url,
      status,
      retryAfterSeconds: headerRetrySeconds,
      message: `the proxy answered HTTP ${status}${text ? `: ${snippet(text, 120)}` : ''}`,
    });
  }
  const { kind, detail, title, field, retryAfterSeconds, providers } = problem.data;
  return new ProxyRequestError({
    kind: kind ?? proxyKindForStatus(status),
    url,
    status,
    field,
    retryAfterSeconds: retryAfterSeconds ?? headerRetrySeconds,
    providers,
    message: detail || title,
  });
}

/** A base URL `fetch` can call: absolute http(s). `localhost:8787` would otherwise fail later as "unreachable". */
function checkBaseUrl(baseUrl: unknown): string {
  const text = typeof baseUrl === 'string' ? baseUrl.trim() : '';
  let protocol: string | undefined;
  try {
    protocol = new URL(text).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    // Without a scheme `user:pass@host` is not recognised as userinfo: drop anything before an `@` either way.
    const shown = text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/]*@/i, '$1');
    throw new ProxyRequestError({
      kind: 'validation',
      field: 'baseUrl',
      url: shown,
      message: `baseUrl must be an absolute http:// or https:// URL, e.g. http://127.0.0.1:8787 (got ${JSON.stringify(shown)})`,
    });
  }
  return text;
}

/** One proxy, as every group of calls reaches it: {@link ProxyTransport.call} and the URL of a path. */
export interface ProxyTransport {
  /** Sends one request and reads its answer; every failure rejects with a ProxyRequestError (but the caller's abort). */
  call<Schema extends z.ZodType | null>(
    request: Call<Schema>,
  ): Promise<Schema extends z.ZodType ? z.output<Schema> : undefined>;
  /** The full URL of one of the proxy's paths; a path prefix of the base URL is kept. */
  urlOf(path: string): string;
  /**
   * POSTs `body` to `path` once it passes the route's own `schema` (else a ProxyRequestError kind `validation`,
   * before any request) and reads the answer with `response`.
   */
  post<Body extends z.ZodType, Response extends z.ZodType>(
    path: string,
    schema: Body,
    body: z.input<Body>,
    response: Response,
    signal?: AbortSignal,
  ): Promise<z.output<Response>>;
}

/**
 * The transport of {@link createClient}: throws (synchronously) a ProxyRequestError kind `validation`, field
 * `baseUrl`, when the base URL is not an absolute http(s) URL.
 */
export function proxyTransport(options: ProxyClientOptions): ProxyTransport {
  const { token, timeoutMs } = options;
  const baseUrl = checkBaseUrl(options.baseUrl);
  const send = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const urlOf = (path: string) => joinUrl(baseUrl, path);

  async function call<Schema extends z.ZodType | null>(
    request: Call<Schema>,
  ): Promise<Schema extends z.ZodType ? z.output<Schema> : undefined> {
    request.signal?.throwIfAborted();
    const headers: Record<string, string> = {
      accept: request.stream ? `${NDJSON_MEDIA_TYPE}, application/json;q=0.5` : 'application/json',
    };
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const { signal, timedOut, dispose } = requestSignal(request.signal, timeoutMs);
    let response: Response | undefined;
    let text: string;
    const invalid = (detail: string, cause?: unknown) =>
      throwError({
        kind: 'invalid_response',
        url: request.url,
        status: response?.status ?? null,
        cause,
        message: `the proxy at ${displayUrl(baseUrl)} answered with ${detail}`,
      });
    try {
      response = await send(request.url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      const streamed = response.headers.get('content-type')?.startsWith(NDJSON_MEDIA_TYPE);
      if (request.stream && response.ok && streamed && response.body) {
        return (await request.stream(response.body, invalid)) as never;
      }
      text = await response.text();
    } catch (error) {
      // The caller's own abort is theirs to handle: rethrow it as fetch gave it.
      if (request.signal?.aborted) throw error;
      if (error instanceof ProxyRequestError) throw error;
      if (timedOut()) {
        throwError({
          kind: 'timeout',
          url: request.url,
          cause: error,
          message: `the proxy at ${displayUrl(baseUrl)} did not answer within ${timeoutMs} ms`,
        });
      }
      throwError({
        kind: 'unreachable',
        url: request.url,
        cause: error,
        message: `could not reach the proxy at ${displayUrl(baseUrl)}: is it running? (${error instanceof Error ? error.message : String(error)})`,
      });
    } finally {
      dispose();
    }

    if (!response.ok) throw problemError(response.status, text, response.headers, request.url);
    if (request.response === null) return undefined as never;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      invalid(`a body that is not JSON: "${snippet(text, 80)}"`, error);
    }
    const parsed = request.response.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      invalid(`an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message})`, parsed.error);
    }
    return parsed.data as never;
  }

  // async, so a body the schema refuses rejects the promise like every other failure instead of throwing.
  async function post<Body extends z.ZodType, Response extends z.ZodType>(
    path: string,
    schema: Body,
    body: z.input<Body>,
    response: Response,
    signal?: AbortSignal,
  ): Promise<z.output<Response>> {
    const url = urlOf(path);
    return (await call({
      method: 'POST',
      url,
      body: validated(schema, body, url),
      response,
      signal,
    })) as z.output<Response>;
  }

  return { call, urlOf, post };
}
