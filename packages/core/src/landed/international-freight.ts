import type { Offer, SizeCm } from '../models/offer.js';
import { DEFAULT_VOLUMETRIC_DIVISOR, type RateCard } from './landed-options.js';

// The international leg from the buyer's rate card. Conventions (trade practice, not provider facts — sourcing
// facts §1): "volumetric weight = L×W×H cm / divisor (6000 air and most express, 5000 some couriers); sea freight
// priced per CBM with a minimum". Unknown weight or size is never a silent zero: either what was assumed is
// said, or the line is left out and that is said.

/** What the shipment weighs and measures, from the offer (the variant's weight when it has one). */
export interface Shipment {
  /** Unit weight × quantity, kg; null when the offer gives no weight. */
  actualWeightKg: number | null;
  /** Package volume × quantity in cm³; null when the offer gives no complete size. */
  volumeCm3: number | null;
}

/** The international leg in the rate card's currency, or why it is left out. */
export interface FreightLeg {
  /** In the rate card's currency; null when the leg could not be priced (then `warnings` says why). */
  amount: number | null;
  /** The weight charged; null when not charged by weight. */
  chargeableWeightKg: number | null;
  warnings: string[];
}

/** Weight and volume of `quantity` pieces; the SKU's own weight and size first, else the offer's. */
export function shipmentOf(offer: Offer, quantity: number, skuId?: string): Shipment {
  const sku = skuId === undefined ? undefined : offer.skus.find((s) => s.id === skuId);
  const unitWeight = positive(sku?.weightKg) ?? positive(offer.weightKg);
  // The variant's own size when it gives a complete one, else the offer's.
  const size = complete(sku?.sizeCm) ? sku!.sizeCm! : offer.sizeCm;
  // Zero sizes mean "not given" (sourcing facts §1: "zero sizes mean 'not given'").
  const sides = size ? [size.length, size.width, size.height].map(positive) : [];
  const unitVolume =
    sides.length === 3 && sides.every((s) => s !== null) ? sides.reduce((a, b) => a! * b!, 1)! : null;
  return {
    actualWeightKg: unitWeight === null ? null : unitWeight * quantity,
    volumeCm3: unitVolume === null ? null : unitVolume * quantity,
  };
}

function complete(size: SizeCm | null | undefined): boolean {
  return !!size && [size.length, size.width, size.height].every((side) => positive(side) !== null);
}

function positive(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

const CM3_PER_CBM = 1_000_000;

/** Applies the rate card's `minimum` to a priced leg. */
function atLeastMinimum(amount: number, card: RateCard): number {
  return Math.max(amount, card.minimum ?? 0);
}

/** Air, express and rail: the chargeable weight, max(actual, volume / divisor). */
function byChargeableWeight(card: RateCard, shipment: Shipment): FreightLeg {
  const divisor = card.divisor ?? DEFAULT_VOLUMETRIC_DIVISOR;
  const volumetric = shipment.volumeCm3 === null ? null : shipment.volumeCm3 / divisor;
  const { actualWeightKg: actual } = shipment;
  const warnings: string[] = [];
  if (card.perKg === undefined) {
    // A card with only perCbm for an air method: charged by volume, as the forwarder wrote it.
    return byVolume(card, shipment);
  }
  if (actual === null && volumetric === null) {
    return {
      amount: null,
      chargeableWeightKg: null,
      warnings: ['the offer gives no weight and no size: international freight left out'],
    };
  }
  if (actual === null) {
    warnings.push(
      `the offer gives no weight: charged on the volumetric weight alone (${round(volumetric!, 3)} kg); the real weight may be more`,
    );
  } else if (volumetric === null) {
    warnings.push(
      'the offer gives no size: charged on the actual weight; a bulky parcel may be charged more',
    );
  }
  const chargeable = Math.max(actual ?? 0, volumetric ?? 0);
  return { amount: atLeastMinimum(card.perKg * chargeable, card), chargeableWeightKg: chargeable, warnings };
}

/** Sea, or any card with only perCbm: the volume; per kg of actual weight when the card has only perKg. */
function byVolume(card: RateCard, shipment: Shipment): FreightLeg {
  if (card.perCbm !== undefined && shipment.volumeCm3 !== null) {
    return {
      amount: atLeastMinimum((card.perCbm * shipment.volumeCm3) / CM3_PER_CBM, card),
      chargeableWeightKg: null,
      warnings: [],
    };
  }
  if (card.perKg !== undefined && shipment.actualWeightKg !== null) {
    const warnings =
      card.perCbm !== undefined
        ? ['the offer gives no size: sea freight charged per kg of actual weight']
        : [];
    return {
      amount: atLeastMinimum(card.perKg * shipment.actualWeightKg, card),
      chargeableWeightKg: shipment.actualWeightKg,
      warnings,
    };
  }
  const missing = card.perCbm !== undefined ? 'size' : 'weight';
  return {
    amount: null,
    chargeableWeightKg: null,
    warnings: [`the offer gives no ${missing}: international freight left out`],
  };
}

/** The international leg of a shipment under a rate card, in the card's currency. */
export function internationalFreight(card: RateCard, shipment: Shipment): FreightLeg {
  return card.method === 'sea' ? byVolume(card, shipment) : byChargeableWeight(card, shipment);
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** m³ from cm³. */
export function toCbm(cm3: number): number {
  return cm3 / CM3_PER_CBM;
}
