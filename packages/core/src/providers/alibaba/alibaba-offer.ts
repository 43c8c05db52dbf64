import type { Offer } from '../../models/offer.js';
import { ProviderError } from '../../models/provider-error.js';
import { countryOf, officialOfferOrNotFound } from '../official/official-offer.js';
import type { ProviderResponse } from '../provider-contract.js';
import { guardParse } from '../response-body.js';
import { officialResult } from './alibaba-gateway.js';

// The official platform's own answer around the `ProductDetailModel` that DajiSaaS and PandaPon relay; the
// model itself is read in ../official/official-offer.ts.

/** Reads `{result:{success, code, message, result:ProductDetailModel}}`, every failure a `ProviderError`. */
export function parseAlibabaOffer(response: ProviderResponse, params?: object): Offer {
  return guardParse('alibaba', () => {
    const { body, wrapper } = officialResult(response);
    if (body.result === undefined) {
      throw new ProviderError({
        provider: 'alibaba',
        kind: 'invalid_response',
        status: response.status,
        message: '1688 Open Platform answered without a result',
      });
    }
    return officialOfferOrNotFound('alibaba', wrapper.result, response, countryOf(params));
  });
}
