import { ChinaDestination } from '@yuantou/core';
import type { ProviderSettings } from '../gateway/gateway-contract.js';
import { DEFAULTS, type ProxyConfigInput } from './config-schema.js';

// Which enabled providers the detail routes ask, and in which order: offers (/v1/offers) and the China leg of a
// landed cost (/v1/landed-cost), with the destination that leg is priced to.

/**
 * The providers `/v1/offers` asks, in order: as configured (each must be enabled and have a detail endpoint:
 * naming one that is not is a mistake worth stopping for), else every enabled provider that has one.
 */
export function resolveOfferProviders(
  enabled: ProviderSettings[],
  configured: readonly string[] | undefined,
  problems: string[],
): ProviderSettings[] {
  const withDetails = enabled.filter((p) => p.adapter.getOffer !== undefined);
  if (!configured) return withDetails;
  const order: ProviderSettings[] = [];
  for (const id of new Set(configured)) {
    const settings = enabled.find((p) => p.id === id);
    if (!settings) problems.push(`YUANTOU_OFFER_PROVIDERS: ${id} is not enabled (no credentials configured)`);
    else if (!settings.adapter.getOffer) problems.push(`YUANTOU_OFFER_PROVIDERS: ${id} has no offer details`);
    else order.push(settings);
  }
  return order;
}

/**
 * The providers `/v1/landed-cost` asks for the China leg, in order: as configured (each enabled and pricing
 * freight), else the offer providers that price it, then any other enabled one that does.
 */
export function resolveFreightProviders(
  enabled: ProviderSettings[],
  offerProviders: ProviderSettings[],
  configured: readonly string[] | undefined,
  problems: string[],
): ProviderSettings[] {
  if (configured) {
    const order: ProviderSettings[] = [];
    for (const id of new Set(configured)) {
      const settings = enabled.find((p) => p.id === id);
      if (!settings)
        problems.push(`YUANTOU_CHINA_FREIGHT_PROVIDERS: ${id} is not enabled (no credentials configured)`);
      else if (!settings.adapter.estimateFreight) {
        problems.push(`YUANTOU_CHINA_FREIGHT_PROVIDERS: ${id} does not estimate China freight`);
      } else order.push(settings);
    }
    return order;
  }
  return [...new Set([...offerProviders, ...enabled])].filter((p) => p.adapter.estimateFreight !== undefined);
}

/** The China leg's destination from config, or a problem naming the setting. */
export function resolveDestination(
  input: ProxyConfigInput['chinaFreight'],
  problems: string[],
): ChinaDestination {
  const given = { ...DEFAULTS.chinaFreight, ...input };
  // A province set must not inherit Yiwu's codes from the default: only the codes given with it.
  const codes =
    input?.province !== undefined
      ? { cityCode: input.cityCode, districtCode: input.districtCode }
      : { cityCode: given.cityCode, districtCode: given.districtCode };
  const parsed = ChinaDestination.safeParse({ province: given.province, ...codes });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    const env =
      { province: 'PROVINCE', cityCode: 'CITY_CODE', districtCode: 'DISTRICT_CODE' }[field] ?? field;
    problems.push(`YUANTOU_CHINA_FREIGHT_${env}: ${issue.message}`);
  }
  return ChinaDestination.parse(DEFAULTS.chinaFreight);
}
