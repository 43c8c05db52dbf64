import { InputError } from '../cells/input-error.js';
import type { BrowserBlock } from '../runtime/browser-block.js';

// What a failed search shows in the cell. Pure (no CustomFunctions global) so it is unit-tested; the runtime
// wraps the result in `new CustomFunctions.Error(code, message)`. Excel cuts messages at 256 characters.

/** `invalidValue` is #VALUE!, `notAvailable` is #N/A (CustomFunctions.ErrorCode member names). */
export type CellErrorCode = 'invalidValue' | 'notAvailable';

export interface CellError {
  code: CellErrorCode;
  message: string;
}

/** The fields of core's ProxyRequestError this mapping reads (duck-typed: the add-in may bundle its own copy). */
interface ProxyFailure {
  kind: string;
  message: string;
  status?: number | null;
  field?: string | null;
  retryAfterSeconds?: number | null;
  providers?: {
    provider: string;
    error?: { kind: string; message?: string; retryAfterMs?: number | null } | undefined;
  }[];
}

/** What a message may mention about where the add-in sends its requests. */
export interface ProxyContext {
  proxyUrl: string;
  /** The add-in's own request timeout (settings). */
  timeoutSeconds: number;
  /** What the browser is seen to block (runtime/browser-block.ts), when the proxy was unreachable. */
  block?: BrowserBlock | null;
  /** The add-in page's origin, for the CORS advice. */
  origin?: string;
}

/** The input was fine but there is no value to show (an offer not found, below its minimum order): #N/A. */
export class NotAvailableError extends Error {
  override readonly name = 'NotAvailableError';
}

function isProxyFailure(error: unknown): error is ProxyFailure {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'ProxyRequestError' &&
    typeof (error as { kind?: unknown }).kind === 'string'
  );
}

/** The provider a per-provider kind came from, e.g. "tmapi"; the proxy lists every provider's outcome. */
function failedProvider(error: ProxyFailure, kinds: readonly string[]): string {
  const failed = error.providers?.filter((p) => p.error && kinds.includes(p.error.kind)) ?? [];
  return failed.length > 0 ? failed.map((p) => p.provider).join(', ') : 'the provider';
}

function clip(message: string): string {
  return message.length > 255 ? `${message.slice(0, 254)}…` : message;
}

/**
 * "Unreachable" says what to do next: a block the browser is seen to apply names its remedy; otherwise the
 * URL may be wrong or the proxy stopped — or a block no page can see (see browser-block.ts), so the message
 * names both remedies, the URL first.
 */
function unreachableMessage({ proxyUrl, block, origin }: ProxyContext): string {
  switch (block) {
    case 'local-network':
      return `Proxy at ${proxyUrl} blocked by the browser — allow local network access in your browser (site settings), then recalculate`;
    case 'mixed-content':
      return `Proxy at ${proxyUrl} blocked: this https page may not call http — open yuantou → Settings and use an https proxy URL (https://localhost:8787)`;
    case 'cors':
      return `Proxy at ${proxyUrl} answers but refuses this add-in (CORS) — add ${origin ?? "the add-in's address"} to YUANTOU_CORS_ORIGINS on the proxy`;
    default:
      return `Proxy not reachable at ${proxyUrl} — open yuantou → Settings to check the URL and that the proxy runs; if it does, allow local network access in your browser`;
  }
}

/** Budget words in the proxy's answer: its daily call budget ("… daily budget of 500 calls spent; resets 00:00 UTC"). */
const BUDGET = /budget/i;

function budgetSpent(error: ProxyFailure): string | null {
  const providers =
    error.providers?.filter((p) => p.error?.kind === 'quota' && BUDGET.test(p.error.message ?? '')) ?? [];
  if (providers.length > 0)
    return `daily budget reached at ${providers.map((p) => p.provider).join(', ')}; resets 00:00 UTC`;
  if (BUDGET.test(error.message)) return 'budget reached; resets 00:00 UTC';
  return null;
}

export function cellErrorFor(error: unknown, context: ProxyContext): CellError {
  const { timeoutSeconds } = context;
  if (error instanceof InputError) return { code: 'invalidValue', message: clip(error.message) };
  if (error instanceof NotAvailableError) return { code: 'notAvailable', message: clip(error.message) };
  if (!isProxyFailure(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { code: 'notAvailable', message: clip(`unexpected error: ${message}`) };
  }
  switch (error.kind) {
    case 'unreachable':
      return { code: 'notAvailable', message: clip(unreachableMessage(context)) };
    case 'unauthorized':
      return {
        code: 'invalidValue',
        message: 'token rejected — open yuantou → Settings and set the proxy token',
      };
    case 'validation':
      return {
        code: 'invalidValue',
        message: clip(error.field ? `${error.field}: ${error.message}` : error.message),
      };
    case 'quota':
      return {
        code: 'notAvailable',
        message: clip(
          budgetSpent(error) ??
            `provider ${failedProvider(error, ['quota'])} out of quota — top it up at the provider`,
        ),
      };
    case 'rate_limited':
    case 'too_many_requests': {
      const wait = error.retryAfterSeconds ? ` — try again in ${Math.ceil(error.retryAfterSeconds)} s` : '';
      const who =
        error.kind === 'rate_limited' ? `provider ${failedProvider(error, ['rate_limited'])}` : 'proxy';
      return { code: 'notAvailable', message: clip(`${who} busy${wait}`) };
    }
    case 'auth':
      return {
        code: 'notAvailable',
        message: clip(`provider ${failedProvider(error, ['auth'])} rejected the proxy's credentials`),
      };
    case 'timeout':
      // No HTTP status: our client's own timer ended the call (the proxy never answered). With a status, the
      // proxy answered that a provider timed out.
      if (error.status === null || error.status === undefined) {
        return { code: 'notAvailable', message: `proxy did not answer within ${timeoutSeconds} s` };
      }
      return {
        code: 'notAvailable',
        message: clip(`provider ${failedProvider(error, ['timeout'])} timed out`),
      };
    default:
      return { code: 'notAvailable', message: clip(`search failed (${error.kind}): ${error.message}`) };
  }
}

/** Excel's error names in cell-value JSON (`Excel.ErrorCellValue.errorType`) that are #N/A. */
const NOT_AVAILABLE = new Set(['NotAvailable', '#N/A']);

/**
 * An error value Excel passed in a cell of an `any` argument (functions.json sets `allowErrorForDataTypeAny`, so
 * Excel calls the function instead of failing the whole formula), or null. What the runtime hands over is not
 * pinned down by Microsoft's docs ("A custom function can accept a data types error object"), so this reads
 * the shapes seen in the API: a CustomFunctions.Error / Error, or `{ type: "Error", errorType }` cell-value
 * JSON. Unverified in real Excel.
 */
export function inputErrorOf(value: unknown, what = 'the link cell'): CellError | null {
  if (value === null || typeof value !== 'object') return null;
  const shape = value as { type?: unknown; errorType?: unknown; basicValue?: unknown; code?: unknown };
  if (value instanceof Error || shape.type === 'Error') {
    const name = String(shape.errorType ?? shape.code ?? shape.basicValue ?? '');
    const shown = String(shape.basicValue ?? shape.code ?? shape.errorType ?? 'an error');
    return NOT_AVAILABLE.has(name) || name === 'notAvailable' || name === '#N/A'
      ? { code: 'notAvailable', message: `${what} is ${shown}` }
      : { code: 'invalidValue', message: `${what} is ${shown}` };
  }
  return null;
}
