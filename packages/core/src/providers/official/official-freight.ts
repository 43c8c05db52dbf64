import type { ChinaFreightEstimate, ChinaFreightQuery } from '../../models/china-freight.js';
import { provinceCode } from '../../models/china-freight.js';
import type { ProviderId } from '../../models/provider-id.js';
import { asRecord, toBool, toNumber, toText } from '../../normalize/values.js';
import { noFee, yuan } from '../freight-operation.js';

// The official platform's freight estimate, which DajiSaaS relays (its `data` "= the official freight model",
// uncertain: from client code). Request `productFreightQueryParamsNew{offerId, toProvinceCode "330000",
// toCityCode "330100", toCountryCode "330108" (a district), totalNum, logisticsSkuNumModels[{skuId, number}]}`;
// answer `{offerId, freight (yuan, string), templateId, templateType, subTemplateType, firstFee, firstUnit,
// nextFee, nextUnit, discount, chargeType (0 weight / 1 quantity / 2 volume), freePostage, singleProductWeight
// (kg), singleProductWidth/Height/Length (cm), productFreightSkuInfoModels[{skuId, singleSkuWeight…}]}` —
// https://open.1688.com/api/apidocdetail.htm?id=com.alibaba.fenxiao.crossborder:product.freight.estimate-1
// (uncertain: read from a copy).

/** The official request model; shared by the official adapter and DajiSaaS, which relays it. */
export interface OfficialFreightParams {
  /** The 1688 offer id. */
  offerId: string;
  /** GB/T 2260 province code, e.g. `330000` (浙江). */
  toProvinceCode: string;
  /** GB/T 2260 city code, e.g. `330700` (金华); the province's when none is configured. */
  toCityCode: string;
  /** GB/T 2260 district code, e.g. `330782` (义乌) — the platform calls it "country"; else the city's. */
  toCountryCode: string;
  /** Pieces shipped. */
  totalNum: number;
  /** Pieces per variant, when one variant is asked for. */
  logisticsSkuNumModels?: Array<{ skuId: string; number: number }>;
}

/**
 * The request model of one estimate. Without a city or district code the province's own code stands in for
 * them (uncertain: the docs' example gives all three; whether a province code is accepted there is unknown).
 */
export function officialFreightParams(query: ChinaFreightQuery): OfficialFreightParams {
  const province = provinceCode(query.destination);
  const city = query.destination.cityCode ?? province;
  return {
    offerId: query.offerId,
    toProvinceCode: province,
    toCityCode: city,
    toCountryCode: query.destination.districtCode ?? city,
    totalNum: query.quantity,
    ...(query.skuId === undefined
      ? {}
      : { logisticsSkuNumModels: [{ skuId: query.skuId, number: query.quantity }] }),
  };
}

const CHARGE_TYPES = { '0': 'weight', '1': 'quantity', '2': 'volume' } as const;

/** The freight model (`result.result` officially, `data` at DajiSaaS) as an estimate; `freight` is yuan. */
export function readOfficialFreight(
  provider: ProviderId,
  status: number,
  model: unknown,
  params: OfficialFreightParams | undefined,
  province: string,
): ChinaFreightEstimate {
  const raw = asRecord(model);
  // 包邮 (free postage) with no freight figure is a 0, said by the seller, not assumed.
  const free = toBool(raw.freePostage);
  const amount = yuan(raw.freight) ?? (free === true ? 0 : null);
  if (amount === null) throw noFee(provider, status, 'freight');
  const weight = toNumber(raw.singleProductWeight);
  return {
    provider,
    offerId: toText(raw.offerId) ?? params?.offerId ?? '',
    quantity: params?.totalNum ?? 1,
    amountCny: amount,
    destination: province,
    freePostage: free,
    chargeType: CHARGE_TYPES[toText(raw.chargeType) as keyof typeof CHARGE_TYPES] ?? null,
    unitWeightKg: weight !== null && weight > 0 ? weight : null,
    sample: false,
  };
}
