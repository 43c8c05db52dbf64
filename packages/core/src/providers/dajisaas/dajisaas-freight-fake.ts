import type { RecordedRequest, Reply } from '../../testing/fake-server.js';
import freightFixture from './__fixtures__/dajisaas-freight-built.json' with { type: 'json' };

// The fake's `POST /alibaba/product/freightEstimate`: the built fixture's template (4 CNY the first kg, 1 CNY each
// further kg, 0.4 kg a piece) priced for `totalNum`. The fake server checks `appKey` and `sign` first.

const MODEL = freightFixture.data;

export function dajisaasFreightReply(request: RecordedRequest): Reply {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(request.body) as Record<string, unknown>;
  } catch {
    // An unreadable body is a missing parameter below.
  }
  if (!body.offerId || !/^\d{6}$/.test(String(body.toProvinceCode)) || !(Number(body.totalNum) > 0)) {
    return {
      status: 400,
      body: { code: 400, message: 'offerId, toProvinceCode and totalNum are required', data: null },
    };
  }
  const weight = MODEL.singleProductWeight * Number(body.totalNum);
  const freight = 4 + Math.max(0, Math.ceil(weight - 1));
  return {
    body: {
      ...freightFixture,
      data: { ...MODEL, offerId: Number(body.offerId), freight: freight.toFixed(2) },
    },
  };
}
