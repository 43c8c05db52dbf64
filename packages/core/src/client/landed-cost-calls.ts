import {
  LANDED_ROUTES,
  LandedCostBatchBody,
  LandedCostBatchResponse,
  LandedCostBody,
  LandedCostResponse,
} from '../api/landed-routes.js';
import type { ProxyClient } from './proxy-client.js';
import type { ProxyTransport } from './proxy-transport.js';

/** Landed cost: what an offer costs delivered, for one link or a column of them. */
export function landedCostCalls({ post }: ProxyTransport): Pick<ProxyClient, 'landedCost' | 'landedCosts'> {
  return {
    landedCost: (body, opts) =>
      post(LANDED_ROUTES.landedCost, LandedCostBody, body, LandedCostResponse, opts?.signal),
    landedCosts: (body, opts) =>
      post(LANDED_ROUTES.landedCostBatch, LandedCostBatchBody, body, LandedCostBatchResponse, opts?.signal),
  };
}
