// A CommonJS consumer: `require` of the ESM packages (Node >= 20.19) through the `default` export condition.
const { aopSignature } = require('@yuantou/signers');
const { getProvider, rankSuppliers, SupplierQuery } = require('@yuantou/core');

const query = SupplierQuery.parse({ keyword: '玩具厂' });
const request = getProvider('demo').searchSuppliers.buildRequest(query, {});
const ranked = rankSuppliers([]);
const { signature } = aopSignature({
  urlPath: 'param2/1/system/currentTime/1000000',
  params: { b: '2', a: '1' },
  secret: 'test123',
});
console.log(JSON.stringify({ method: request.method, ranked: ranked.length, signature }));
