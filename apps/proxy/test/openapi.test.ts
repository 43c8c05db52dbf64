import { Validator } from '@seriousme/openapi-schema-validator';
import { LANDED_ROUTES, OFFER_ROUTES, ROUTES, SUPPLIER_ROUTES } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './support/test-app.js';

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3 document that lists every route', async () => {
    const { app, inject } = await buildTestApp({ YUANTOU_TOKENS: 'client-token-openapi-0001' });
    const response = await inject('/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\./);
    const offerPaths = [...Object.values(OFFER_ROUTES), ...Object.values(SUPPLIER_ROUTES)].map((path) =>
      path.replace(/:(\w+)/g, '{$1}'),
    );
    expect(Object.keys(document.paths).sort()).toEqual(
      [...Object.values(ROUTES), ...offerPaths, ...Object.values(LANDED_ROUTES), '/metrics'].sort(),
    );
    expect(Object.keys(document.paths[OFFER_ROUTES.offers])).toEqual(['post']);
    expect(Object.keys(document.paths[ROUTES.productsByImage])).toEqual(['post']);
    expect(Object.keys(document.paths[LANDED_ROUTES.landedCost])).toEqual(['post']);
    const parameters = document.paths[ROUTES.suppliers].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['q', 'provider', 'page', 'pageSize', 'sort']));
    await app.close();
  });
});
