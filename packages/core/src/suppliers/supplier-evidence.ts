import type { SupplierDetail } from '../models/supplier-detail.js';
import { inferFactory } from '../ranking/trader-inference.js';

// Is this a real factory or a hidden trader, and can it deliver? Each signal names the fact it rests on, so a
// buyer can check it. The trader hints are the sourcing facts' (§2): "sole proprietorship with a very broad
// catalogue; company name differs from shop name; empty manufactureType; is_factory false". Thresholds marked
// "our judgement" are ours, not a provider's.

/** `factory`: evidence of a maker; `trader`: a trader risk; `risk`: a delivery risk; `unknown`: not given. */
export type SupplierSignalKind = 'factory' | 'trader' | 'risk' | 'unknown';

/** One finding about a supplier: what it suggests, why, and the fact it rests on (`null` for an unknown). */
export interface SupplierSignal {
  /** What the finding suggests: a maker, a trader, a delivery risk, or nothing known. */
  kind: SupplierSignalKind;
  /** Why, in words for the buyer: "1688 lists it as a factory". */
  reason: string;
  /** The provider fact it rests on (`is_factory: true`, `manufactureType: 自主生产`); `null` for an unknown. */
  evidence: string | null;
}

/** A catalogue this broad under a sole proprietorship is a reseller's (our judgement: the facts say "thousands"). */
export const BROAD_CATALOGUE = 1000;
/** Broader than any one factory's lines, whatever the business type (our judgement). */
export const VERY_BROAD_CATALOGUE = 3000;
/** Perfect fulfilment over 30 days below this is a delivery risk (our judgement). */
export const LOW_FULFILMENT = 0.8;
/** Dispatch within 24 h over 30 days below this is a delivery risk (our judgement). */
export const LOW_PICKUP = 0.5;

const pct = (rate: number) => `${Math.round(rate * 100)} %`;

// Place names, legal forms and trade words say nothing about whether a shop and a company are the same business.
const GENERIC =
  /(有限责任公司|股份有限公司|有限公司|公司|省|市|区|县|镇|工业园|厂|店|旗舰|专营|批发|商行|经营部|贸易|商贸|实业|制造|科技|百货|精选)/gu;

/** The distinctive character pairs of a name, once places, legal forms and trade words are gone. */
function distinctive(name: string, places: readonly (string | null)[]): Set<string> {
  let text = name.normalize('NFKC');
  for (const place of places) if (place) text = text.replaceAll(place.replace(/[省市]$/u, ''), '');
  const han = [...text.replace(GENERIC, '')].filter((c) => /\p{Script=Han}/u.test(c));
  return new Set(han.slice(1).map((c, i) => `${han[i]}${c}`));
}

/**
 * `true` when company and shop names share no distinctive pair of characters (a shop fronting another
 * business); `null` when either is missing or nothing distinctive is left of it.
 */
export function namesDiffer(detail: SupplierDetail): boolean | null {
  if (!detail.companyName || !detail.shopName) return null;
  const places = [detail.location.province, detail.location.city];
  const company = distinctive(detail.companyName, places);
  const shop = distinctive(detail.shopName, places);
  if (company.size === 0 || shop.size === 0) return null;
  return ![...shop].some((pair) => company.has(pair));
}

function badgeSignals(detail: SupplierDetail): SupplierSignal[] {
  const { badges } = detail;
  const out: SupplierSignal[] = [];
  if (badges.factory === true)
    out.push({ kind: 'factory', reason: '1688 lists it as a factory', evidence: 'is_factory: true' });
  else if (badges.factory === false)
    out.push({ kind: 'trader', reason: '1688 does not list it as a factory', evidence: 'is_factory: false' });
  else out.push({ kind: 'unknown', reason: "1688's factory flag was not given", evidence: null });
  if (badges.superFactory === true)
    out.push({ kind: 'factory', reason: '1688 super factory (超级工厂)', evidence: 'super_factory' });
  if (badges.inspected === true)
    out.push({ kind: 'factory', reason: 'inspected on site by 1688 (验厂)', evidence: 'inspection tag' });
  return out;
}

function registrationSignals(detail: SupplierDetail): SupplierSignal[] {
  const { registration, capacity, catalogueSize } = detail;
  const out: SupplierSignal[] = [];
  const registrationRead = registration.creditCode !== null || registration.businessType !== null;
  if (capacity.manufactureType !== null)
    out.push({
      kind: 'factory',
      reason: 'declares how it manufactures',
      evidence: `manufactureType: ${capacity.manufactureType}`,
    });
  else if (registrationRead)
    out.push({ kind: 'trader', reason: 'declares no manufacture type', evidence: 'manufactureType: empty' });
  if (capacity.factorySize !== null)
    out.push({
      kind: 'factory',
      reason: 'declares a factory size',
      evidence: `factorySize: ${capacity.factorySize}`,
    });
  const sole = registration.businessType?.includes('个体') === true;
  if (sole && catalogueSize !== null && catalogueSize >= BROAD_CATALOGUE)
    out.push({
      kind: 'trader',
      reason: `sole proprietorship listing ${catalogueSize} products`,
      evidence: `shop_type: ${registration.businessType}; catalogue: ${catalogueSize}`,
    });
  else if (catalogueSize !== null && catalogueSize >= VERY_BROAD_CATALOGUE)
    out.push({
      kind: 'trader',
      reason: `${catalogueSize} products: broader than one factory's lines`,
      evidence: `catalogue: ${catalogueSize}`,
    });
  if (!registrationRead)
    out.push({
      kind: 'unknown',
      reason: 'registration (credit code, business type) not given',
      evidence: null,
    });
  if (catalogueSize === null)
    out.push({ kind: 'unknown', reason: 'catalogue size not given', evidence: null });
  return out;
}

function nameSignals(detail: SupplierDetail): SupplierSignal[] {
  const out: SupplierSignal[] = [];
  if (namesDiffer(detail) === true)
    out.push({
      kind: 'trader',
      reason: 'company name unlike shop name',
      evidence: `${detail.companyName} / ${detail.shopName}`,
    });
  // The ranking's own name reading, so "factory vs trader" means the same in every view.
  const byName = inferFactory({ isFactory: null, name: detail.companyName });
  if (byName.evidence !== null && byName.isFactory !== null)
    out.push({
      kind: byName.isFactory ? 'factory' : 'trader',
      reason: byName.isFactory ? 'company name says it makes goods' : 'company name says it trades',
      evidence: `name contains ${byName.evidence}`,
    });
  return out;
}

function deliverySignals(detail: SupplierDetail): SupplierSignal[] {
  const { perfect30d, pickup24h30d, perfect7d, pickup24h7d } = detail.fulfilment;
  const out: SupplierSignal[] = [];
  if (perfect30d !== null && perfect30d < LOW_FULFILMENT)
    out.push({ kind: 'risk', reason: 'low perfect fulfilment', evidence: `30 days: ${pct(perfect30d)}` });
  if (pickup24h30d !== null && pickup24h30d < LOW_PICKUP)
    out.push({
      kind: 'risk',
      reason: 'slow dispatch',
      evidence: `within 24 h, 30 days: ${pct(pickup24h30d)}`,
    });
  if ([perfect30d, pickup24h30d, perfect7d, pickup24h7d].every((r) => r === null))
    out.push({ kind: 'unknown', reason: 'fulfilment and pickup rates not given', evidence: null });
  return out;
}

/**
 * Factory evidence, trader risks, delivery risks and what is unknown about one supplier, each with the fact it
 * rests on. Product certificates (EN71, CE) are always unknown: no provider exposes them.
 */
export function supplierSignals(detail: SupplierDetail): SupplierSignal[] {
  return [
    ...badgeSignals(detail),
    ...registrationSignals(detail),
    ...nameSignals(detail),
    ...deliverySignals(detail),
    {
      kind: 'unknown',
      reason: 'certificates (EN71, CE…) are not exposed by any provider: ask',
      evidence: null,
    },
  ];
}

/** Factory or trader by the signals, and what it rests on: `unclear` when none or both point. */
export function supplierVerdict(signals: readonly SupplierSignal[]): {
  verdict: 'factory' | 'trader' | 'unclear';
  basis: string;
} {
  const factory = signals.filter((s) => s.kind === 'factory');
  const trader = signals.filter((s) => s.kind === 'trader');
  const basis = (list: SupplierSignal[]) => list.map((s) => s.reason).join('; ');
  if (factory.length > 0 && trader.length === 0) return { verdict: 'factory', basis: basis(factory) };
  if (trader.length > 0 && factory.length === 0) return { verdict: 'trader', basis: basis(trader) };
  if (factory.length === 0) return { verdict: 'unclear', basis: 'no evidence either way' };
  return { verdict: 'unclear', basis: `for: ${basis(factory)}; against: ${basis(trader)}` };
}
