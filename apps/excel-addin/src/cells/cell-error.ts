import { InputError } from '../cells/input-error.js';

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
  providers?: { provider: string; error?: { kind: string; retryAfterMs?: number | null } | undefined }[];
}

/** What a message may mention about where the add-in sends its requests. */
export interface ProxyContext {
  proxyUrl: string;
  /** The add-in's own request timeout (settings). */
  timeoutSeconds: number;
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

export function cellErrorFor(error: unknown, { proxyUrl, timeoutSeconds }: ProxyContext): CellError {
  if (error instanceof InputError) return { code: 'invalidValue', message: clip(error.message) };
  if (error instanceof NotAvailableError) return { code: 'notAvailable', message: clip(error.message) };
  if (!isProxyFailure(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { code: 'notAvailable', message: clip(`unexpected error: ${message}`) };
  }
  switch (error.kind) {
    case 'unreachable':
      return {
        code: 'notAvailable',
        message: clip(`Proxy not reachable at ${proxyUrl} — open the YUANTOU pane to set it`),
      };
    case 'unauthorized':
      return { code: 'invalidValue', message: 'token rejected — set the proxy token in the YUANTOU pane' };
    case 'validation':
      return {
        code: 'invalidValue',
        message: clip(error.field ? `${error.field}: ${error.message}` : error.message),
      };
    case 'quota':
      return {
        code: 'notAvailable',
        message: clip(`provider ${failedProvider(error, ['quota'])} out of quota`),
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
