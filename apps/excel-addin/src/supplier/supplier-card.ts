import type { SupplierDetailResponse, SupplierSignal } from '@yuantou/core';
import {
  booleanValue,
  type CardProperty,
  definedProperties,
  numberValue,
  placeText,
  type RichCellCapabilities,
  section,
  textValue,
} from '../data-types/cell-values.js';
import { entity } from '../data-types/entity-cards.js';

// The company cell of =SUPPLIER: an Entity card with the sections issue 25 asks for — identity and registration;
// badges and years; ratings and rates; signals with reasons; links to the shop and to chat. Built only from the
// proxy's answer (cards are saved in the workbook: no setting, proxy address or token goes in). Unknown values are
// left out, never shown as 0 or "no".

const PERCENT = '0.0%';
const INTEGER = '#,##0';

const BADGES: readonly [keyof SupplierDetailResponse['supplier']['badges'], string][] = [
  ['factory', 'Factory'],
  ['superFactory', 'Super factory'],
  ['powerMerchant', 'Power merchant'],
  ['flagship', 'Flagship'],
  ['industryBrand', 'Industry brand'],
  ['inspected', 'Inspected'],
  ['trustPass', 'TrustPass'],
];

const RATES: readonly [keyof SupplierDetailResponse['supplier']['fulfilment'], string][] = [
  ['perfect7d', 'Perfect fulfilment 7d'],
  ['perfect30d', 'Perfect fulfilment 30d'],
  ['pickup24h7d', 'Pickup 24h 7d'],
  ['pickup24h30d', 'Pickup 24h 30d'],
];

/** `trader: sole proprietorship listing 3200 products (shop_type: 个体经营; catalogue: 3200)`. */
export function signalLine(signal: SupplierSignal): string {
  return `${signal.kind}: ${signal.reason}${signal.evidence ? ` (${signal.evidence})` : ''}`;
}

/** `Factory`, `Trader` or `Unclear`, with what it rests on. */
export function verdictText(answer: SupplierDetailResponse): string {
  const word =
    answer.verdict.verdict === 'unclear'
      ? 'Unclear'
      : answer.verdict.verdict === 'factory'
        ? 'Factory'
        : 'Trader';
  return `${word} — ${answer.verdict.basis}`;
}

export function supplierDetailCard(
  answer: SupplierDetailResponse,
  capabilities: RichCellCapabilities,
): Excel.EntityCellValue {
  const s = answer.supplier;
  const name = s.companyName ?? s.shopName ?? s.loginId ?? s.memberId ?? 'supplier';
  const num = (value: number | null, format: string) =>
    value === null ? null : numberValue(value, format, capabilities);
  const text = (value: string | null | undefined) => (value ? textValue(value) : null);
  const reg = s.registration;
  const signals = answer.signals.filter((x) => x.kind !== 'unknown');
  const unknowns = answer.signals.filter((x) => x.kind === 'unknown');
  const properties = definedProperties([
    ['Name', textValue(name)],
    ['Shop name', text(s.shopName)],
    ['Login id', text(s.loginId)],
    ['Member id', text(s.memberId)],
    ['Location', text(placeText(s.location))],
    ['Credit code', text(reg.creditCode)],
    ['Registered by', text(reg.authority)],
    ['Business term', text(reg.term)],
    ['Business type', text(reg.businessType)],
    ['Address', text(reg.address ? `${reg.address}${reg.selfDeclared ? ' (self-declared)' : ''}` : null)],
    ['Factory size', text(s.capacity.factorySize)],
    ['Manufacture type', text(s.capacity.manufactureType)],
    ...BADGES.map(([key, label]): [string, CardProperty | null] => [
      label,
      s.badges[key] === null ? null : booleanValue(s.badges[key]!),
    ]),
    ['Years', num(s.yearsOnPlatform, INTEGER)],
    ...s.shopRatings.map((r): [string, CardProperty | null] => [`Rating: ${r.title}`, num(r.score, '0.0')]),
    ...RATES.map(([key, label]): [string, CardProperty | null] => [label, num(s.fulfilment[key], PERCENT)]),
    ['Repurchase rate', num(s.repurchaseRate, PERCENT)],
    ['Response rate', num(s.responseRate, PERCENT)],
    ['Catalogue', num(s.catalogueSize, INTEGER)],
    ['Factory or trader', textValue(verdictText(answer))],
    ['Signals', signals.length ? textValue(signals.map(signalLine).join('\n')) : null],
    ['Unknown', unknowns.length ? textValue(unknowns.map((u) => u.reason).join('\n')) : null],
    ['Shop', text(s.shopUrl)],
    ['Chat', text(s.chatUrl)],
    ['Check registration', text(s.creditCheckUrl)],
    [
      'Providers',
      textValue(
        answer.providers
          .filter((p) => p.outcome === 'ok')
          .map((p) => p.provider)
          .join(', '),
      ),
    ],
  ]);
  const names = (prefix: string) => Object.keys(properties).filter((k) => k.startsWith(prefix));
  return entity(name, properties, {
    icon: 'Factory',
    title: 'Name',
    sections: [
      section(
        'Identity and registration',
        [
          'Shop name',
          'Login id',
          'Member id',
          'Location',
          'Credit code',
          'Registered by',
          'Business term',
          'Business type',
          'Address',
          'Factory size',
          'Manufacture type',
        ],
        properties,
      ),
      section('Badges and years', [...BADGES.map(([, label]) => label), 'Years'], properties),
      section(
        'Ratings and rates',
        [
          ...names('Rating: '),
          ...RATES.map(([, label]) => label),
          'Repurchase rate',
          'Response rate',
          'Catalogue',
        ],
        properties,
      ),
      section('Signals', ['Factory or trader', 'Signals', 'Unknown'], properties),
      section('Links', ['Shop', 'Chat', 'Check registration', 'Providers'], properties),
    ],
  });
}
