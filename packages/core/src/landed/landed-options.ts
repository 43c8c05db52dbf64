import * as z from 'zod';
import { CurrencyCode } from '../models/money.js';

// The one option schema of a landed-cost calculation: what `landedCost` reads, what `POST /v1/landed-cost` takes
// (with `ref`), what the add-in will build from a workbook's rate card. Rates are the buyer's own forwarder's:
// no provider prices the international leg for 1688 offer ids (sourcing facts §1: "International freight is
// therefore the buyer's own rate card").

/** How the goods travel internationally: air, express (courier), sea or rail. */
export const FreightMethod = z.enum(['air', 'express', 'sea', 'rail']);
/** `air`, `express`, `sea` or `rail`. */
export type FreightMethod = z.infer<typeof FreightMethod>;

const rate = (what: string) =>
  z.number().finite().nonnegative(`${what} must be 0 or more`).max(1e9, `${what} is implausibly large`);
const percent = (what: string) =>
  z
    .number()
    .finite()
    .nonnegative(`${what} must be 0 or more`)
    .max(1000, `${what} is a percentage, at most 1000`);

/**
 * The volumetric divisor when the rate card gives none: "volumetric weight = L×W×H cm / divisor (6000 air and
 * most express, 5000 some couriers)" — a common trade convention, not a provider fact.
 */
export const DEFAULT_VOLUMETRIC_DIVISOR = 6000;

/**
 * One line of a forwarder's rate card for the international leg. Air, express and rail charge the chargeable
 * weight (`perKg`); sea charges the volume (`perCbm`), or the weight when only `perKg` is given. Never below
 * `minimum`. Amounts in `currency`.
 */
export const RateCard = z
  .object({
    method: FreightMethod,
    /** Price per chargeable kilogram, in `currency`. */
    perKg: rate('perKg').optional(),
    /** Price per cubic metre (CBM), in `currency`. */
    perCbm: rate('perCbm').optional(),
    /** The least the forwarder charges for a shipment, in `currency`. */
    minimum: rate('minimum').optional(),
    /** cm³ per kg of volumetric weight; 6000 when not given ({@link DEFAULT_VOLUMETRIC_DIVISOR}). */
    divisor: z.number().finite().positive('divisor must be more than 0').max(1e6).optional(),
    /** The currency of `perKg`, `perCbm` and `minimum` (ISO 4217). */
    currency: CurrencyCode,
  })
  .refine((card) => card.perKg !== undefined || card.perCbm !== undefined, {
    message: 'give perKg or perCbm (or both)',
    path: ['perKg'],
  });
/** A rate card line, as {@link RateCard} parses it. */
export type RateCard = z.infer<typeof RateCard>;

/**
 * Whose value duty is charged on: `cif` — goods + China freight + international freight, "EU import duty on the
 * customs value including freight to the border (CIF)"; `fob` — the goods alone, "US duty on the FOB value"
 * (trade conventions).
 */
export const DutyBasis = z.enum(['cif', 'fob']);
/** `cif` (EU, default) or `fob` (US). */
export type DutyBasis = z.infer<typeof DutyBasis>;

/**
 * The China leg: an amount in CNY the buyer was quoted (the seller or agent prices it in yuan), `none` (free
 * shipping, or already in the price), or `provider` (the proxy asks a provider's freight estimate).
 */
export const ChinaFreightChoice = z.union([
  z.number().finite().nonnegative('chinaFreight must be 0 or more').max(1e9),
  z.enum(['provider', 'none']),
]);
/** A CNY amount, `provider` or `none`. */
export type ChinaFreightChoice = z.infer<typeof ChinaFreightChoice>;

/** The options of {@link landedCost} and of `POST /v1/landed-cost` (which adds `ref`). */
export const LandedCostOptions = z.object({
  /** Pieces ordered. */
  quantity: z
    .number()
    .int('quantity must be a whole number of pieces')
    .positive('quantity must be more than 0')
    .max(1e9),
  /** Price (and weigh) this variant, an id of `offer.skus`. */
  sku: z.string().min(1).max(100).optional(),
  /** Every line and total in this currency (ISO 4217); the rate card's currency when not given. */
  currency: CurrencyCode.optional(),
  /** The China leg (see {@link ChinaFreightChoice}); the proxy defaults to `provider`. */
  chinaFreight: ChinaFreightChoice.optional(),
  /** The international leg's rate card. */
  freight: RateCard,
  /** The buying agent's fee, a percentage of the goods. */
  agentFeePercent: percent('agentFeePercent').optional(),
  /** Import duty, a percentage of the customs value (see `dutyBasis`). */
  dutyPercent: percent('dutyPercent').optional(),
  /** Import VAT, a percentage of customs value + duty. */
  vatPercent: percent('vatPercent').optional(),
  /** `cif` (default: the EU rule) or `fob` (the US rule). */
  dutyBasis: DutyBasis.optional(),
});
/** Landed-cost options after parsing: see the {@link LandedCostOptions} schema. */
export type LandedCostOptions = z.infer<typeof LandedCostOptions>;
/** Landed-cost options as a caller writes them. */
export type LandedCostOptionsInput = z.input<typeof LandedCostOptions>;

/** What a line of a landed cost is. */
export const LandedLineKind = z.enum([
  'goods',
  'china_freight',
  'international_freight',
  'agent_fee',
  'duty',
  'vat',
]);
/** `goods`, `china_freight`, `international_freight`, `agent_fee`, `duty` or `vat`. */
export type LandedLineKind = z.infer<typeof LandedLineKind>;

/** An amount in a currency. */
export const MoneyAmount = z.object({ amount: z.number(), currency: z.string() });
/** An amount and its currency. */
export type MoneyAmount = z.infer<typeof MoneyAmount>;

/**
 * One line of a landed cost, in the requested currency. `source` is where the figure came from: the provider
 * (`tmapi`, `demo`…) for goods and an estimated China leg, `rate card` for the international leg, `you` for what
 * the buyer typed (a China freight amount, the percentages). Once converted, `rate` is how many units of the
 * line's own currency (CNY for goods, China freight and agent fee; the rate card's for international freight)
 * one unit of `currency` costs, and `rateDate` the rate's publication date (null for fixed rates from config).
 */
export const LandedLine = z.object({
  kind: LandedLineKind,
  amount: z.number().nonnegative(),
  currency: z.string(),
  source: z.string(),
  rate: z.number().positive().optional(),
  rateDate: z.string().nullable().optional(),
});
/** One line of a landed cost: see the {@link LandedLine} schema. */
export type LandedLine = z.infer<typeof LandedLine>;

/** What {@link landedCost} returns: the lines, their total and the weights and volume it charged. */
export const LandedCost = z.object({
  offerId: z.string(),
  quantity: z.number().int().positive(),
  currency: z.string(),
  lines: z.array(LandedLine),
  /** The sum of the lines. */
  total: MoneyAmount,
  /** `total / quantity`, to 4 decimals. */
  perUnit: MoneyAmount,
  /** The weight the international leg was charged on; null when it was not charged by weight. */
  chargeableWeightKg: z.number().nonnegative().nullable(),
  /** Unit weight × quantity; null when the offer gives no weight. */
  actualWeightKg: z.number().nonnegative().nullable(),
  /** Package volume × quantity in m³; null when the offer gives no size. */
  volumeCbm: z.number().nonnegative().nullable(),
  /** Always true: a landed cost is "a floor, not a quote" (only an order preview binds the seller). */
  estimate: z.literal(true),
  /** What was assumed or left out (missing weight or size), below the MOQ, a cheaper total at the next tier. */
  warnings: z.array(z.string()),
});
/** A landed cost: see the {@link LandedCost} schema. */
export type LandedCost = z.infer<typeof LandedCost>;
