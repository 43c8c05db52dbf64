// A consumer's own end-to-end test: `@yuantou/core/testing`'s TMAPI fake (Node only; needs the optional peers
// fast-check and iconv-lite) answering a request the public adapter signed, parsed by the same adapter.

import { getProvider, ProductQuery } from '@yuantou/core';
import { sendRequest, startTmapiFake } from '@yuantou/core/testing';

const fake = await startTmapiFake();
try {
  const operation = getProvider('tmapi').searchProducts;
  const request = operation.buildRequest(ProductQuery.parse({ keyword: '玩具' }), fake.credentials);
  const page = operation.parseResponse(await sendRequest(request));
  console.log(JSON.stringify({ items: page.items.length > 0, provider: page.items[0]?.provider }));
} finally {
  await fake.close();
}
