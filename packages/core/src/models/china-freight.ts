import * as z from 'zod';
import { ProviderId } from './provider-id.js';

// The China leg (seller → the buyer's agent's warehouse), the only leg the providers price (sourcing facts §1).
// TMAPI takes a province name ("广东", "广东省", "gd", "Guangdong"); the official platform and DajiSaaS take
// administrative-division codes (`toProvinceCode "330000", toCityCode "330100", toCountryCode "330108" (a
// district)`); Onebound an `area_id`. The destination is the proxy's setting, so it is given here in both forms.

/**
 * Province names and their GB/T 2260 administrative-division codes (mainland China). The codes are the national
 * standard's; the official platform's example `toProvinceCode "330000"` is 浙江's.
 */
export const CHINA_PROVINCES: Readonly<Record<string, string>> = {
  北京: '110000',
  天津: '120000',
  河北: '130000',
  山西: '140000',
  内蒙古: '150000',
  辽宁: '210000',
  吉林: '220000',
  黑龙江: '230000',
  上海: '310000',
  江苏: '320000',
  浙江: '330000',
  安徽: '340000',
  福建: '350000',
  江西: '360000',
  山东: '370000',
  河南: '410000',
  湖北: '420000',
  湖南: '430000',
  广东: '440000',
  广西: '450000',
  海南: '460000',
  重庆: '500000',
  四川: '510000',
  贵州: '520000',
  云南: '530000',
  西藏: '540000',
  陕西: '610000',
  甘肃: '620000',
  青海: '630000',
  宁夏: '640000',
  新疆: '650000',
};

const SUFFIXES = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/;

/** The short province name (`浙江`) of `浙江`, `浙江省` or `330000`; `undefined` when it is not a province. */
export function chinaProvince(nameOrCode: string): string | undefined {
  const text = nameOrCode.trim();
  if (/^\d{6}$/.test(text))
    return Object.keys(CHINA_PROVINCES).find((name) => CHINA_PROVINCES[name] === text);
  const short = text.replace(SUFFIXES, '');
  return CHINA_PROVINCES[short] === undefined ? undefined : short;
}

const divisionCode = z.string().regex(/^\d{6}$/, 'a six-digit administrative-division code, e.g. 330700');

/**
 * Where the China leg ends: the buyer's agent's warehouse. `province` is a short name (`浙江`); `cityCode` and
 * `districtCode` are GB/T 2260 codes (Yiwu: city 金华 330700, district 义乌 330782) for the providers that price
 * by code; without them the province's own code is sent.
 */
export const ChinaDestination = z.object({
  province: z
    .string()
    .refine((p) => chinaProvince(p) !== undefined, 'a mainland province such as 浙江 or 广东')
    .transform((p) => chinaProvince(p)!),
  cityCode: divisionCode.optional(),
  districtCode: divisionCode.optional(),
});
/** The China leg's destination, as {@link ChinaDestination} parses it. */
export type ChinaDestination = z.infer<typeof ChinaDestination>;

/** The province code of a destination (`330000` for 浙江). */
export function provinceCode(destination: ChinaDestination): string {
  return CHINA_PROVINCES[destination.province]!;
}

/** The input of every adapter's `estimateFreight`: an offer, a quantity, where it goes, and what it weighs. */
export const ChinaFreightQuery = z.object({
  offerId: z.string().regex(/^\d{5,20}$/, 'a 1688 offer id is 5–20 digits'),
  /** Pieces shipped. */
  quantity: z.number().int().positive().max(1e9),
  destination: ChinaDestination,
  /** The variant shipped, for providers that take SKU quantities. */
  skuId: z.string().min(1).max(100).optional(),
  /** Weight of the whole quantity in kg, when the offer gives one (TMAPI: "if there is no weight information, just ignore"). */
  totalWeightKg: z.number().positive().optional(),
});
/** The input of `estimateFreight`, as {@link ChinaFreightQuery} parses it. */
export type ChinaFreightQuery = z.infer<typeof ChinaFreightQuery>;

/** A provider's price of the China leg for one offer and quantity, in CNY. */
export const ChinaFreightEstimate = z.object({
  provider: ProviderId,
  offerId: z.string(),
  quantity: z.number().int().positive(),
  /** Yuan for the whole quantity. */
  amountCny: z.number().nonnegative(),
  /** The province it was priced to, as the provider echoed it (or as asked). */
  destination: z.string(),
  /** The seller ships free (包邮), when the provider says so. */
  freePostage: z.boolean().nullable(),
  /** How the seller's template charges, when the provider says: by `weight`, `quantity` or `volume`. */
  chargeType: z.enum(['weight', 'quantity', 'volume']).nullable(),
  /** The weight of one piece the provider priced with (kg), when it says. */
  unitWeightKg: z.number().nonnegative().nullable(),
  /** True for the demo provider's labelled sample. */
  sample: z.boolean(),
});
/** A provider's China-leg price, as {@link ChinaFreightEstimate} parses it. */
export type ChinaFreightEstimate = z.infer<typeof ChinaFreightEstimate>;
