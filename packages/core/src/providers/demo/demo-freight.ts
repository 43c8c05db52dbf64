import * as z from 'zod';
import { ChinaFreightEstimate, type ChinaFreightQuery } from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import { defineFreightOperation, unsentFreightFields } from '../freight-operation.js';
import type { ProviderResponse, SignedRequest } from '../provider-contract.js';
import { guardParse, parseJsonBody } from '../response-body.js';
import { findDemoOffer } from './demo-offer.js';

// Demo's China leg: a labelled sample (`sample: true`), never a real price. It mimics a seller's by-weight
// template (首重/续重, first kg and each further kg) as TMAPI's `first_unit_fee`/`next_unit_fee` describe one:
// cheaper to the Yangtze-delta provinces most demo sellers ship from, dearer to the far west.

export const DEMO_FREIGHT_PATH = 'freight';

const NEAR = new Set(['浙江', '江苏', '上海', '安徽', '福建', '广东']);
const FAR = new Set(['新疆', '西藏', '青海', '宁夏', '甘肃', '内蒙古']);
const ASSUMED_UNIT_WEIGHT_KG = 0.3;

/** What demo's freight estimate sends: the offer, the province, the quantity and the weight if known. */
export interface DemoFreightParams {
  /** The demo offer's id. */
  offerId: string;
  /** The short province name, e.g. `浙江`. */
  province: string;
  /** Pieces shipped. */
  quantity: number;
  /** Weight of the whole quantity (kg), when the offer gives one. */
  weightKg?: number;
}

/** The sample template: first kg and each further kg, in CNY, by how far the province is. */
export function demoFreightTemplate(province: string): { firstKg: number; nextKg: number } {
  if (NEAR.has(province)) return { firstKg: 5, nextKg: 1 };
  if (FAR.has(province)) return { firstKg: 15, nextKg: 10 };
  return { firstKg: 8, nextKg: 3 };
}

const Params = z.object({
  offerId: z.string().regex(/^\d{5,20}$/),
  province: z.string().min(1),
  quantity: z.coerce.number().int().positive(),
  weightKg: z.coerce.number().positive().optional(),
});

/** `demo://freight?…`: the sample estimate, priced from the demo offer's own weight. */
export function respondDemoFreight(input: Record<string, unknown>): ProviderResponse {
  const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });
  const parsed = Params.safeParse(input);
  if (!parsed.success) return json(400, { code: 'bad_request', message: z.prettifyError(parsed.error) });
  const { offerId, province, quantity, weightKg } = parsed.data;
  const offer = findDemoOffer(offerId);
  if (!offer) return json(404, { code: 'not_found', message: `no demo offer ${offerId}` });
  const unit = offer.weightKg ?? ASSUMED_UNIT_WEIGHT_KG;
  const total = weightKg ?? unit * quantity;
  const { firstKg, nextKg } = demoFreightTemplate(province);
  const amountCny = firstKg + nextKg * Math.max(0, Math.ceil(total - 1));
  const estimate: ChinaFreightEstimate = {
    provider: 'demo',
    offerId,
    quantity,
    amountCny,
    destination: province,
    freePostage: false,
    chargeType: 'weight',
    unitWeightKg: unit,
    sample: true,
  };
  return json(200, { code: 'ok', data: estimate });
}

function sign(params: DemoFreightParams): SignedRequest {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  search.sort();
  return { method: 'GET', url: `demo://${DEMO_FREIGHT_PATH}?${search}`, headers: {} };
}

const Envelope = z.object({ code: z.string(), message: z.string().nullish(), data: z.unknown().optional() });

export const demoFreight = defineFreightOperation<Record<string, never>, DemoFreightParams>('demo', {
  map: (query: ChinaFreightQuery) => ({
    params: {
      offerId: query.offerId,
      province: query.destination.province,
      quantity: query.quantity,
      ...(query.totalWeightKg === undefined ? {} : { weightKg: query.totalWeightKg }),
    },
    ignored: unsentFreightFields(query, ['totalWeightKg']),
  }),
  sign,
  parseResponse: (response) => {
    const body = parseJsonBody('demo', response);
    return guardParse('demo', () => {
      const envelope = Envelope.parse(body);
      if (response.status !== 200 || envelope.code !== 'ok') {
        throw new ProviderError({
          provider: 'demo',
          kind: envelope.code === 'not_found' ? 'not_found' : 'bad_request',
          status: response.status,
          message: `demo: ${envelope.message ?? envelope.code}`,
        });
      }
      return ChinaFreightEstimate.parse(envelope.data);
    });
  },
});
