import type { RecordedRequest, Reply } from '../../testing/fake-server.js';
import freightFixture from './__fixtures__/alibaba-freight-built.json' with { type: 'json' };

// The fake's `product.freight.estimate`: the built fixture's by-weight template (6 CNY the first kg, 2 CNY each
// further kg, 0.35 kg a piece) priced for `totalNum`. The fake server has already checked `_aop_signature`, the
// timestamp and `access_token` before this runs.

const MODEL = freightFixture.result.result;

function param(request: RecordedRequest): Record<string, unknown> | null {
  const raw =
    new URLSearchParams(request.body).get('productFreightQueryParamsNew') ??
    request.query.productFreightQueryParamsNew;
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function alibabaFreightReply(request: RecordedRequest): Reply {
  const p = param(request);
  if (!p?.offerId || !/^\d{6}$/.test(String(p.toProvinceCode)) || !(Number(p.totalNum) > 0)) {
    return {
      status: 400,
      body: { error_code: 'gw.ParamMissing', error_message: 'productFreightQueryParamsNew is incomplete' },
    };
  }
  const weight = MODEL.singleProductWeight * Number(p.totalNum);
  const freight = 6 + 2 * Math.max(0, Math.ceil(weight - 1));
  return {
    body: {
      result: {
        ...freightFixture.result,
        result: { ...MODEL, offerId: Number(p.offerId), freight: freight.toFixed(2) },
      },
    },
  };
}
