import { describe, expect, it } from 'vitest';
import { ImageQuery } from '../../models/query.js';
import { providerErrorFrom } from '../../testing/parser-fuzzing.js';
import { pandaponAdapter } from './pandapon-adapter.js';

// PandaPon v2 image search (README): `imageBase64` (marked required) whenever we have the bytes, `imageAddress`
// only for 1688-hosted links; `country` fixed to en.

const body = (query: ImageQuery) =>
  ({ ...pandaponAdapter.searchProductsByImage.map(query).params }) as Record<string, unknown>;

describe('pandaponAdapter.searchProductsByImage.map', () => {
  it('sends the bytes as imageBase64, without a data: header', () => {
    const params = body(
      ImageQuery.parse({ imageBase64: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' }),
    );
    expect(params).toMatchObject({ imageBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB', country: 'en' });
    expect(params).not.toHaveProperty('imageAddress');
  });

  it('sends a 1688-hosted link as imageAddress', () => {
    const params = body(
      ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/img/ibank/a.jpg', language: 'ja' }),
    );
    expect(params).toMatchObject({ imageAddress: 'https://cbu01.alicdn.com/img/ibank/a.jpg', country: 'en' });
    expect(
      pandaponAdapter.searchProductsByImage.map(
        ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/a.jpg', language: 'ja' }),
      ).ignored,
    ).toEqual(['language']);
  });

  it('refuses another host, which PandaPon cannot find by address', () => {
    const error = providerErrorFrom(() =>
      pandaponAdapter.searchProductsByImage.map(ImageQuery.parse({ imageUrl: 'https://example.com/a.jpg' })),
    );
    expect(error).toMatchObject({ provider: 'pandapon', kind: 'bad_request' });
    expect(error.message).toContain('imageBase64');
  });
});
