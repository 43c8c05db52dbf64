import type { RateQuote } from '../models/money.js';
import type { Offer } from '../models/offer.js';
import { priceAt } from '../offers/price-at.js';
import { internationalFreight, round, shipmentOf, toCbm } from './international-freight.js';
import {
  type LandedCost,
  LandedCostOptions,
  type LandedLine,
  type LandedLineKind,
} from './landed-options.js';

// What a piece really costs delivered (issue 24): goods at the quantity's tier, the China leg, the international
// leg from the buyer's rate card, the agent's fee, duty and VAT — each line saying where its figure came from.
// Pure: rates and a provider's China-freight estimate are handed in (the proxy fetches them). Conventions used
// (trade practice, quoted in sourcing facts §1): "EU import duty on the customs value including freight to the
// border (CIF), import VAT on customs value + duty; US duty on the FOB value".

/** A provider's estimate of the China leg, as the proxy fetched it. */
export interface ChinaFreightQuote {
  /** The provider that priced it (the line's `source`). */
  provider: string;
  /** Yuan for the whole quantity. */
  amountCny: number;
}

/** What {@link landedCost} needs besides the offer and options: rates and the China-leg estimate. */
export interface LandedCostInputs {
  /**
   * One quote per currency needed (the requested currency and the rate card's, unless CNY), as the proxy's rate
   * source gives them: CNY per unit of `currency`.
   */
  rates?: readonly RateQuote[];
  /** The provider's China-leg estimate, for `chinaFreight: "provider"` (the default). */
  chinaFreight?: ChinaFreightQuote | null;
  /** Why there is no estimate (a provider error), for the warning. */
  chinaFreightProblem?: string;
}

/** Why {@link landedCost} could not compute: `bad_options` (the schema refused them) or `missing_rate`. */
export type LandedCostProblem = 'bad_options' | 'missing_rate';

/** A landed cost that cannot be computed; `message` is written for the buyer and names the field. */
export class LandedCostError extends Error {
  /** Always `LandedCostError`. */
  override readonly name = 'LandedCostError';
  /** `bad_options` or `missing_rate`. */
  readonly problem: LandedCostProblem;
  /** The option at fault, e.g. `freight.perKg` or `currency`. */
  readonly field: string;
  constructor(problem: LandedCostProblem, field: string, message: string) {
    super(message);
    this.problem = problem;
    this.field = field;
  }
}

const CNY = 'CNY';

interface Converted {
  amount: number;
  rate?: number;
  rateDate?: string | null;
}

function converter(target: string, rates: readonly RateQuote[]) {
  const quote = (currency: string, field: string) => {
    if (currency === CNY) return null;
    const found = rates.find((r) => r.currency === currency);
    if (!found)
      throw new LandedCostError('missing_rate', field, `no exchange rate for ${currency} was given`);
    return found;
  };
  const targetQuote = quote(target, 'currency');
  return (amount: number, from: string, field: string): Converted => {
    if (from === target) return { amount: round(amount, 2) };
    const fromQuote = quote(from, field);
    // CNY per unit of each side; `rate` = units of `from` per unit of `target`.
    const rate = (targetQuote?.rate ?? 1) / (fromQuote?.rate ?? 1);
    const dates = [targetQuote?.rateDate, fromQuote?.rateDate].filter(
      (d): d is string => typeof d === 'string',
    );
    return {
      amount: round(amount / rate, 2),
      rate: Number(rate.toPrecision(6)),
      rateDate: dates.length > 0 ? dates.sort()[0]! : null,
    };
  };
}

function parseOptions(options: unknown): LandedCostOptions {
  const parsed = LandedCostOptions.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || '(options)';
  throw new LandedCostError('bad_options', field, `${field}: ${issue.message}`);
}

/** The lines and totals without the next-tier comparison (which calls this at the next tier's quantity). */
function compute(offer: Offer, options: LandedCostOptions, inputs: LandedCostInputs): LandedCost {
  const currency = options.currency ?? options.freight.currency;
  const convert = converter(currency, inputs.rates ?? []);
  const warnings: string[] = [];
  const lines: LandedLine[] = [];
  const add = (kind: LandedLineKind, source: string, value: Converted) =>
    lines.push({ kind, amount: value.amount, currency, source, ...withRate(value) });
  const amountOf = (kind: LandedLineKind) => lines.find((l) => l.kind === kind)?.amount ?? 0;

  const price = priceAt(offer, options.quantity, options.sku === undefined ? {} : { skuId: options.sku });
  add('goods', offer.provider, convert(price.subtotal, CNY, 'currency'));
  if (price.belowMoq) {
    warnings.push(
      `${options.quantity} pieces is below the minimum order${offer.moq ? ` of ${offer.moq}` : ''}: the seller may not sell that few`,
    );
  }

  const china = options.chinaFreight ?? 'provider';
  if (typeof china === 'number') add('china_freight', 'you', convert(china, CNY, 'chinaFreight'));
  else if (china === 'none') add('china_freight', 'you', { amount: 0 });
  else if (inputs.chinaFreight) {
    add(
      'china_freight',
      inputs.chinaFreight.provider,
      convert(inputs.chinaFreight.amountCny, CNY, 'chinaFreight'),
    );
  } else {
    warnings.push(
      `no China freight estimate${inputs.chinaFreightProblem ? ` (${inputs.chinaFreightProblem})` : ''}: the China leg is left out`,
    );
  }

  const shipment = shipmentOf(offer, options.quantity, options.sku);
  const leg = internationalFreight(options.freight, shipment);
  warnings.push(...leg.warnings);
  if (leg.amount !== null) {
    add(
      'international_freight',
      'rate card',
      convert(leg.amount, options.freight.currency, 'freight.currency'),
    );
  }

  const goods = amountOf('goods');
  if (options.agentFeePercent !== undefined) {
    add('agent_fee', 'you', { amount: round((goods * options.agentFeePercent) / 100, 2) });
  }
  const customsValue =
    (options.dutyBasis ?? 'cif') === 'cif'
      ? goods + amountOf('china_freight') + amountOf('international_freight')
      : goods;
  if (options.dutyPercent !== undefined) {
    add('duty', 'you', { amount: round((customsValue * options.dutyPercent) / 100, 2) });
  }
  if (options.vatPercent !== undefined) {
    add('vat', 'you', { amount: round(((customsValue + amountOf('duty')) * options.vatPercent) / 100, 2) });
  }

  const total = round(
    lines.reduce((sum, line) => sum + line.amount, 0),
    2,
  );
  return {
    offerId: offer.id,
    quantity: options.quantity,
    currency,
    lines,
    total: { amount: total, currency },
    perUnit: { amount: round(total / options.quantity, 4), currency },
    chargeableWeightKg: leg.chargeableWeightKg === null ? null : round(leg.chargeableWeightKg, 3),
    actualWeightKg: shipment.actualWeightKg === null ? null : round(shipment.actualWeightKg, 3),
    volumeCbm: shipment.volumeCm3 === null ? null : round(toCbm(shipment.volumeCm3), 4),
    estimate: true,
    warnings,
  };
}

function withRate(value: Converted): Pick<LandedLine, 'rate' | 'rateDate'> {
  return value.rate === undefined ? {} : { rate: value.rate, rateDate: value.rateDate ?? null };
}

/**
 * What `options.quantity` pieces of `offer` cost delivered, in `options.currency` (else the rate card's):
 *
 * - `goods`: {@link priceAt} at the quantity (tier, SKU and promotion rules), from the offer's provider;
 * - `china_freight`: the buyer's CNY amount, `none` (a 0 line), or `inputs.chinaFreight` (the provider's estimate);
 * - `international_freight`: the rate card — chargeable weight = max(actual, L×W×H / divisor) for air, express and
 *   rail; sea by CBM (per kg when the card has only that); never below `minimum`;
 * - `agent_fee` (% of goods), `duty` (% of goods + both freights with `dutyBasis: "cif"`, the default; of goods
 *   with `"fob"`), `vat` (% of customs value + duty), each only when its percentage is given.
 *
 * Each line is rounded to 2 decimals; `total` is their sum and `perUnit` `total / quantity` (4 decimals).
 * `warnings` say what was assumed or left out (no weight, no size, no China estimate), a quantity below the
 * MOQ, and a next price tier whose total is lower. Throws {@link LandedCostError} (`bad_options`,
 * `missing_rate`) and `OfferPriceError` (`unknown_sku`, `no_price`).
 */
export function landedCost(
  offer: Offer,
  options: LandedCostOptions,
  inputs: LandedCostInputs = {},
): LandedCost {
  const valid = parseOptions(options);
  const result = compute(offer, valid, inputs);
  const next = priceAt(offer, valid.quantity, valid.sku === undefined ? {} : { skuId: valid.sku }).nextTier;
  if (next) {
    // The China estimate was for this quantity: the comparison reuses it, so it is a hint, not a quote.
    const atNext = compute(offer, { ...valid, quantity: next.minQuantity }, inputs);
    if (atNext.total.amount < result.total.amount) {
      result.warnings.push(
        `${next.minQuantity} pieces (the next price tier) cost less in total: ${atNext.total.amount} ${atNext.currency}`,
      );
    }
  }
  return result;
}
