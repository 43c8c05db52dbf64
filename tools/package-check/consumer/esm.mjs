// An ESM consumer: `import` resolves through the `default` export condition.

import { getProvider, rankSuppliers, SupplierQuery } from '@yuantou/core';
import { aopSignature } from '@yuantou/signers';

const query = SupplierQuery.parse({ keyword: '玩具厂' });
const request = getProvider('demo').searchSuppliers.buildRequest(query, {});
const ranked = rankSuppliers([]);
const { signature } = aopSignature({
  urlPath: 'param2/1/system/currentTime/1000000',
  params: { b: '2', a: '1' },
  secret: 'test123',
});
console.log(JSON.stringify({ method: request.method, ranked: ranked.length, signature }));
