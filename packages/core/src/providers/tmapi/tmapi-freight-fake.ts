import type { RecordedRequest, Reply } from '../../testing/fake-server.js';
import freightFixture from './__fixtures__/tmapi-freight-built.json' with { type: 'json' };

// The fake's `GET /1688/item/shipping`: the built fixture's template (5 CNY for the first kg, 2 CNY per further
// kg), priced for the asked weight — or 0.3 kg a piece when none is sent ("if there is no weight information,
// just ignore"). Authentication (`apiToken`) is checked by the fake server before this runs.

const TEMPLATE = freightFixture.data;
const ASSUMED_UNIT_WEIGHT_KG = 0.3;

export function tmapiFreightReply({ query }: RecordedRequest): Reply {
  if (!query.item_id || !query.province) {
    return {
      status: 422,
      body: { code: 422, msg: 'Parameter error: item_id and province are required', data: null },
    };
  }
  const quantity = Math.max(1, Number(query.total_quantity ?? 1) || 1);
  const weight =
    Number(query.total_weight ?? quantity * ASSUMED_UNIT_WEIGHT_KG) || quantity * ASSUMED_UNIT_WEIGHT_KG;
  const further = Math.max(0, Math.ceil(weight - TEMPLATE.first_unit));
  const fee = TEMPLATE.first_unit_fee + further * TEMPLATE.next_unit_fee;
  return {
    body: {
      code: 200,
      msg: 'success',
      data: {
        ...TEMPLATE,
        shipping_to: query.province,
        total_quantity: quantity,
        total_weight: weight,
        total_fee: fee,
      },
    },
  };
}
