import type { RecordedRequest, Reply } from '../../testing/fake-server.js';
import freightFixture from './__fixtures__/onebound-freight-built.json' with { type: 'json' };

// The fake's `item_fee`: the built fixture's item, 8 CNY for up to 1 kg then 3 CNY per further kg at 0.25 kg a
// piece, `num` raised to the MOQ (`beginAmount`) as the doc copy says. The fake server checks `key` and `secret`
// (or the MD5 `sign`) first.

const ITEM = freightFixture.item;

export function oneboundFreightReply({ query }: RecordedRequest): Reply {
  if (!query.num_iid || !query.area_id) {
    return {
      body: {
        error_code: '4003',
        reason: '参数错误: num_iid, area_id',
        error: 'num_iid',
        request_id: 'fake',
      },
    };
  }
  const num = Math.max(Number(ITEM.beginAmount), Number(query.num ?? 1) || 1);
  const weight = Number(ITEM.unitWeight) * num;
  const fee = 8 + 3 * Math.max(0, Math.ceil(weight - 1));
  return {
    body: {
      ...freightFixture,
      item: {
        ...ITEM,
        num_iid: query.num_iid,
        area_id: query.area_id,
        num: String(num),
        Weight: String(weight),
        express_fee: fee.toFixed(2),
      },
    },
  };
}
