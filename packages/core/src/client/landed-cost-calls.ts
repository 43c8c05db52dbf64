import {
  LANDED_ROUTES,
  LandedCostBatchBody,
  LandedCostBatchResponse,
  LandedCostBody,
  LandedCostResponse,
} from '../api/landed-routes.js';
import type { ProxyClient } from './proxy-client.js';
import { type ProxyTransport, validated } from './proxy-transport.js';

/** Landed cost: what an offer costs delivered, for one link or a column of them. */
export function landedCostCalls({
  call,
  urlOf,
}: ProxyTransport): Pick<ProxyClient, 'landedCost' | 'landedCosts'> {
  return {
    async landedCost(body, opts) {
      const url = urlOf(LANDED_ROUTES.landedCost);
      const valid = validated(LandedCostBody, body, url);
      return call({ method: 'POST', url, body: valid, response: LandedCostResponse, signal: opts?.signal });
    },
    async landedCosts(body, opts) {
      const url = urlOf(LANDED_ROUTES.landedCostBatch);
      const valid = validated(LandedCostBatchBody, body, url);
      return call({
        method: 'POST',
        url,
        body: valid,
        response: LandedCostBatchResponse,
        signal: opts?.signal,
      });
    },
  };
}
