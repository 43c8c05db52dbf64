import type { Offer } from '../../models/offer.js';
import type { Page } from '../../models/page.js';
import type { Product } from '../../models/product.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ProviderId } from '../../models/provider-id.js';
import { asRecord, toText } from '../../normalize/values.js';
import type { ProviderResponse } from '../provider-contract.js';
import {
  type ErrorTable,
  errorFromTable,
  guardParse,
  httpStatusError,
  parseJsonBody,
} from '../response-body.js';
import { parseOfferPage } from './offer-list.js';
import { officialOfferOrNotFound } from './official-offer.js';

// DajiSaaS (seed 003 docs) and PandaPon (seed 004 example) resell the official platform's answers inside one
// envelope: `{code:200, message|msg, data:<official answer>}` (DajiSaaS adds `timestamp`, `traceId`; PandaPon
// `requestId`, `developId`). One reader of it, for the offer page and the offer details alike.

/**
 * The envelope's `data`: any `code` other than 200 goes through the provider's error table (unknown codes are
 * `upstream`), then an HTTP error status; an envelope without a `code` is `invalid_response`.
 */
function resellerData(provider: ProviderId, errors: ErrorTable, response: ProviderResponse): unknown {
  const body = asRecord(parseJsonBody(provider, response));
  const code = toText(body.code);
  if (code !== null && code !== '200') {
    throw errorFromTable(provider, errors, code, response, body.msg ?? body.message);
  }
  if (response.status >= 400) throw httpStatusError(provider, response);
  if (code === null) {
    throw new ProviderError({
      provider,
      kind: 'invalid_response',
      status: response.status,
      message: `${provider} answered without a result code`,
    });
  }
  return body.data;
}

/** The offer page in the envelope as a {@link Page}; `code:200` with `data:null` is an empty result, not a failure. */
export function parseOfferEnvelope(
  provider: ProviderId,
  errors: ErrorTable,
  response: ProviderResponse,
): Page<Product> {
  return guardParse(provider, () => parseOfferPage(provider, resellerData(provider, errors, response) ?? {}));
}

/** The official offer details (`ProductDetailModel`) in the envelope; no model means the offer is gone. */
export function parseRelayedOffer(
  provider: ProviderId,
  errors: ErrorTable,
  response: ProviderResponse,
  country?: string,
): Offer {
  return guardParse(provider, () =>
    officialOfferOrNotFound(provider, resellerData(provider, errors, response), response, country),
  );
}
