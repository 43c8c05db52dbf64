import { describe, expect, it } from 'vitest';
import { ImageQuery, ProductQuery } from '../../models/query.js';
import { providerErrorFrom } from '../../testing/parser-fuzzing.js';
import gatewayErrors from './__fixtures__/alibaba-gateway-errors.json' with { type: 'json' };
import uploadAnswer from './__fixtures__/alibaba-image-upload.json' with { type: 'json' };
import { alibabaAdapter } from './alibaba-adapter.js';

// The official platform as recorded answers and its docs show it (README): gateway errors by code, the user
// access token, keywordTranslate, and the two-step image search (upload, then search by imageId).

const credentials = { appKey: '1234567', appSecret: 'app-secret', accessToken: 'token-1' };
const ctx = { now: new Date(1_700_000_000_000), nonce: 'unused' };
const offerQueryParam = (body: string | undefined) =>
  JSON.parse(new URLSearchParams(body).get('offerQueryParam') ?? '{}') as Record<string, unknown>;

describe('1688 gateway errors, mapped by code family rather than HTTP status', () => {
  it.each(gatewayErrors.map((row) => [row.body.error_code, row.status, row.kind, row] as const))(
    '%s (HTTP %i) → %s',
    (_code, status, kind, row) => {
      for (const operation of [alibabaAdapter.searchProducts, alibabaAdapter.searchProductsByImage]) {
        const error = providerErrorFrom(() =>
          operation.parseResponse({ status, body: JSON.stringify(row.body) }),
        );
        expect(error.kind).toBe(kind);
        expect(error.message).toContain(row.body.error_message);
      }
    },
  );
});

describe('keywordTranslate', () => {
  it.each([
    ['纯棉T恤', true],
    ['cotton t-shirt', false],
    ['iPhone 手机壳', true],
  ])('%s → keywordTranslate %s (Chinese is already what 1688 searches)', (keyword, expected) => {
    const { params } = alibabaAdapter.searchProducts.map(ProductQuery.parse({ keyword }));
    expect(
      (params as { offerQueryParam: { keywordTranslate: boolean } }).offerQueryParam.keywordTranslate,
    ).toBe(expected);
  });
});

describe('image search: 1688-hosted URL by address, anything else uploaded first', () => {
  it('sends a 1688-hosted image as imageAddress in one step', () => {
    const query = ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/img/ibank/a.jpg' });
    const { params } = alibabaAdapter.searchProductsByImage.map(query);
    expect(alibabaAdapter.searchProductsByImage.prepare?.sign(params, credentials, ctx)).toBeNull();
    const request = alibabaAdapter.searchProductsByImage.buildRequest(query, credentials, ctx);
    expect(offerQueryParam(request.body)).toMatchObject({
      imageAddress: 'https://cbu01.alicdn.com/img/ibank/a.jpg',
    });
  });

  it('uploads base64 with product.image.upload, then searches by the imageId it returns', () => {
    const operation = alibabaAdapter.searchProductsByImage;
    const query = ImageQuery.parse({ imageBase64: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD' });
    const { params } = operation.map(query);
    const upload = operation.prepare!.sign(params, credentials, ctx)!;
    expect(upload.url).toBe(
      'https://gw.open.1688.com/openapi/param2/1/com.alibaba.fenxiao.crossborder/product.image.upload/1234567',
    );
    // Without the data: header, as the platform's FAQ demands.
    expect(JSON.parse(new URLSearchParams(upload.body).get('uploadImageParam')!)).toEqual({
      imageBase64: '/9j/4AAQSkZJRgABAQAAAQABAAD',
    });
    expect(new URLSearchParams(upload.body).get('access_token')).toBe('token-1');
    const completed = operation.prepare!.complete(params, {
      status: 200,
      body: JSON.stringify(uploadAnswer),
    });
    const search = operation.sign(completed, credentials, ctx);
    expect(search.url).toContain('/product.search.imageQuery/1234567');
    expect(offerQueryParam(search.body)).toMatchObject({ imageId: '1234567890123', beginPage: 1 });
    expect(search.body).not.toContain('imageBase64');
  });

  it('refuses to sign the search before the upload ran, as buildRequest alone cannot run two calls', () => {
    const query = ImageQuery.parse({ imageBase64: '/9j/4AAQSkZJRgABAQAAAQABAAD' });
    const error = providerErrorFrom(() =>
      alibabaAdapter.searchProductsByImage.buildRequest(query, credentials, ctx),
    );
    expect(error).toMatchObject({ kind: 'bad_request' });
    expect(error.message).toContain('product.image.upload');
  });

  it('treats an imageId of "0" as a failed upload', () => {
    const { params } = alibabaAdapter.searchProductsByImage.map(
      ImageQuery.parse({ imageBase64: '/9j/4AAQSkZJRgABAQAAAQABAAD' }),
    );
    const zero = { result: { ...uploadAnswer.result, result: '0' } };
    const error = providerErrorFrom(() =>
      alibabaAdapter.searchProductsByImage.prepare!.complete(params, {
        status: 200,
        body: JSON.stringify(zero),
      }),
    );
    expect(error).toMatchObject({ kind: 'bad_request' });
    expect(error.message).toContain('100 KB');
  });

  it('refuses an image URL 1688 does not host, saying to send the image itself', () => {
    const query = ImageQuery.parse({ imageUrl: 'https://example.com/photo.jpg' });
    const error = providerErrorFrom(() => alibabaAdapter.searchProductsByImage.map(query));
    expect(error).toMatchObject({ kind: 'bad_request' });
    expect(error.message).toContain('imageBase64');
  });
});
