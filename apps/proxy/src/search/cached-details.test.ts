import { emptySupplierDetail, type Supplier, type SupplierDetail } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import type { ProviderGateway, ProviderSettings } from '../gateway/gateway-contract.js';
import { cachedSupplierDetails } from './cached-details.js';

// The ranking's peek (issue 25): a seller named `<provider>:<sellerOpenId>` by an official/reseller search gets the
// card kept from that provider's offers; a member id the cards looked up; nothing else is looked at.

const supplier = (id: string) => ({ id }) as Supplier;
const kept: SupplierDetail = {
  ...emptySupplierDetail('dajisaas'),
  badges: { ...emptySupplierDetail('dajisaas').badges, superFactory: true },
};
const card: SupplierDetail = { ...emptySupplierDetail('tmapi'), memberId: 'b2b-2208087470531de12c' };

function gateway(asked: string[]): Pick<ProviderGateway, 'peekSupplier' | 'sellerFacts'> {
  return {
    async peekSupplier(provider, ref) {
      asked.push(`peek ${provider} ${ref.value}`);
      return ref.value === card.memberId ? card : undefined;
    },
    async sellerFacts(provider, sellerOpenId) {
      asked.push(`kept ${provider} ${sellerOpenId}`);
      return sellerOpenId === 'BBBseen0here' ? { detail: kept, storedAt: 1 } : undefined;
    },
  };
}

const providers = [
  { id: 'tmapi', adapter: { getSupplier: {} } },
  { id: 'dajisaas', adapter: {} },
] as unknown as ProviderSettings[];

describe('cachedSupplierDetails', () => {
  it('a seller open id reads the kept facts of its own provider; a member id the cached cards', async () => {
    const asked: string[] = [];
    const details = await cachedSupplierDetails(gateway(asked), providers, [
      supplier('dajisaas:BBBseen0here'),
      supplier('pandapon:BBBnot0kept'),
      supplier('b2b-2208087470531de12c'),
      supplier('onebound:shop123'),
    ]);
    expect([...details.keys()].sort()).toEqual(['b2b-2208087470531de12c', 'dajisaas:BBBseen0here']);
    expect(details.get('dajisaas:BBBseen0here')?.badges.superFactory).toBe(true);
    expect(asked.sort()).toEqual([
      'kept dajisaas BBBseen0here',
      'kept pandapon BBBnot0kept',
      'peek tmapi b2b-2208087470531de12c',
    ]);
  });

  it('kept facts are read even when no enabled provider looks suppliers up', async () => {
    const asked: string[] = [];
    const details = await cachedSupplierDetails(
      gateway(asked),
      [providers[1]!],
      [supplier('dajisaas:BBBseen0here'), supplier('b2b-2208087470531de12c')],
    );
    expect([...details.keys()]).toEqual(['dajisaas:BBBseen0here']);
    expect(asked).toEqual(['kept dajisaas BBBseen0here']);
  });
});
