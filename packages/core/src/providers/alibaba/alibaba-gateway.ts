import { aopSignature } from '@yuantou/signers';
import * as z from 'zod';
import type { ProviderError } from '../../models/provider-error.js';
import { asRecord, toBool, toText } from '../../normalize/values.js';
import type { ProviderResponse, RequestContext, SignedRequest } from '../provider-contract.js';
import { joinUrl } from '../request-context.js';
import { httpStatusError, parseJsonBody } from '../response-body.js';
import { alibabaError } from './alibaba-errors.js';

export const ALIBABA_BASE_URL = 'https://gw.open.1688.com/openapi';

/**
 * Credentials of the 1688 Open Platform (`alibaba`): the app's `appKey` and `appSecret` (secret) and the 1688
 * user's `accessToken` (secret); optional `baseUrl`.
 */
export const AlibabaCredentials = z.object({
  appKey: z.string().trim().min(1),
  appSecret: z.string().trim().min(1),
  /**
   * The 1688 user's authorisation token: `product.search.keywordQuery`/`imageQuery` refuse calls without it
   * (`401 "Request need user authorized"`, README), so it is required.
   */
  accessToken: z
    .string()
    .trim()
    .min(1)
    .describe(
      'the 1688 user authorisation access_token that product.search.keywordQuery and imageQuery require',
    ),
  baseUrl: z.url().optional(),
});
/** Credentials of the 1688 Open Platform: see the {@link AlibabaCredentials} schema. */
export type AlibabaCredentials = z.infer<typeof AlibabaCredentials>;

/**
 * One signed gateway call: `POST {base}/param2/{apiPath}/{appKey}`, form-encoded, with `access_token`,
 * `_aop_timestamp` (ms) and `_aop_signature` over every other parameter (providers.md §3 — not the seed's MD5).
 */
export function aopRequest(
  apiPath: string,
  business: Record<string, string>,
  credentials: AlibabaCredentials,
  ctx: RequestContext,
): SignedRequest {
  const urlPath = `param2/${apiPath}/${encodeURIComponent(credentials.appKey)}`;
  const params: Record<string, string> = {
    ...business,
    access_token: credentials.accessToken,
    _aop_timestamp: String(ctx.now.getTime()),
  };
  const { signature } = aopSignature({ urlPath, params, secret: credentials.appSecret });
  return {
    method: 'POST',
    url: joinUrl(credentials.baseUrl ?? ALIBABA_BASE_URL, urlPath),
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams({ ...params, _aop_signature: signature }).toString(),
  };
}

/**
 * The gateway's own error envelopes, checked before any API-specific shape: `{error_code, error_message}`
 * (SDK) and `{error_response:{code, msg, sub_code}}` (seed 002). Returns the error to throw, if any.
 */
export function gatewayError(
  body: Record<string, unknown>,
  response: ProviderResponse,
): ProviderError | null {
  const code = toText(body.error_code);
  if (code !== null) return alibabaError(code, response, body.error_message);
  if (body.error_response !== undefined) {
    const error = asRecord(body.error_response);
    return alibabaError(
      toText(error.code) ?? toText(error.sub_code) ?? String(response.status),
      response,
      error.sub_msg ?? error.msg,
    );
  }
  return null;
}

/**
 * The `result` wrapper of a `{result:{success, code, message, result}}` answer (offer details, image upload):
 * gateway errors first, then `success: "false"` (a string on the wire) with the API's code (`errorCode`/`errorMsg`
 * on some APIs), then an HTTP error status. Throws `ProviderError`; call inside `guardParse`.
 */
export function officialResult(response: ProviderResponse): {
  body: Record<string, unknown>;
  wrapper: Record<string, unknown>;
} {
  const body = asRecord(parseJsonBody('alibaba', response));
  const gateway = gatewayError(body, response);
  if (gateway) throw gateway;
  const wrapper = asRecord(body.result);
  if (toBool(wrapper.success) === false) {
    const code = toText(wrapper.code) ?? toText(wrapper.errorCode) ?? String(response.status);
    throw alibabaError(code, response, wrapper.message ?? wrapper.errorMsg);
  }
  if (response.status >= 400) throw httpStatusError('alibaba', response);
  return { body, wrapper };
}
