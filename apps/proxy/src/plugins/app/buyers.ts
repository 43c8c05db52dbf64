import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge } from 'prom-client';
import { type BuyerSpend, runAsBuyer } from '../../buyer-context.js';
import type { BuyerToken } from '../../config/buyer-tokens.js';
import { createSharedCounters } from '../../upstream/shared-counters.js';
import { nextUtcMidnight, utcDay } from '../../upstream/usage-ledger.js';
import { bearerToken } from './auth.js';

/** What `/v1/usage` says about the caller's own spend. */
export interface BuyerUsageReport {
  name: string;
  callsToday: number;
  dailyBudget: number | null;
  /** ISO 8601 time the budget is back (next 00:00 UTC) while it is spent, else null. */
  exhaustedUntil: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The calling buyer's paid calls today, or undefined for an unnamed caller (no tokens configured). */
    buyerUsage(request: FastifyRequest): Promise<BuyerUsageReport | undefined>;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * The buyer whose token was presented. Compares SHA-256 digests with timingSafeEqual against every configured
 * token, without an early exit, as auth.ts does: neither a token's content nor its length leaks through timing.
 */
export function createBuyerLookup(
  buyers: BuyerToken[],
): (presented: string | undefined) => BuyerToken | undefined {
  const digests = buyers.map((buyer) => ({ buyer, digest: sha256(buyer.token) }));
  return (presented) => {
    if (presented === undefined) return undefined;
    const candidate = sha256(presented);
    let found: BuyerToken | undefined;
    for (const { buyer, digest } of digests) if (timingSafeEqual(digest, candidate)) found = buyer;
    return found;
  };
}

/**
 * Runs each authenticated request as its buyer (buyer-context.ts), so the paid-call gate charges the buyer's
 * own daily budget, counted across replicas in Redis like the provider budgets (`yuantou:buyer-usage:`).
 * preValidation, after auth and after the body is read: the context then holds for the handler and all it awaits.
 */
async function buyersPlugin(app: FastifyInstance, options: { buyers: BuyerToken[] }): Promise<void> {
  const lookup = createBuyerLookup(options.buyers);
  const counters = createSharedCounters(app.redis, 'yuantou:buyer-usage:', () => {
    // The gateway already reports a Redis outage once; the counters fall back to this replica's count.
  });
  const ttlMs = () => nextUtcMidnight(Date.now()) - Date.now() + 86_400_000;
  const keyOf = (buyer: BuyerToken) => `calls:${buyer.name}:${utcDay(Date.now())}`;
  // Per buyer (a bounded set: the configured names, never a token) for the dashboard and the budget alert.
  const registers = [app.metricsRegistry];
  const paidCalls = new Counter({
    name: 'yuantou_buyer_paid_calls_total',
    help: "Paid provider calls caused by each buyer's requests, on this instance.",
    labelNames: ['buyer'],
    registers,
  });
  new Gauge({
    name: 'yuantou_buyer_calls_today',
    help: 'Paid calls per buyer today (UTC), all proxy instances.',
    labelNames: ['buyer'],
    registers,
    async collect() {
      const counts = await counters.read(options.buyers.map(keyOf));
      for (const [i, buyer] of options.buyers.entries()) this.set({ buyer: buyer.name }, counts[i] ?? 0);
    },
  });
  new Gauge({
    name: 'yuantou_buyer_daily_budget',
    help: "A buyer's own daily paid-call budget (absent when the buyer has none).",
    labelNames: ['buyer'],
    registers,
    collect() {
      for (const buyer of options.buyers)
        if (buyer.dailyCalls !== null) this.set({ buyer: buyer.name }, buyer.dailyCalls);
    },
  });
  const spendOf = (buyer: BuyerToken): BuyerSpend => ({
    name: buyer.name,
    dailyCalls: buyer.dailyCalls,
    spend: async () => {
      const result = await counters.spend(keyOf(buyer), buyer.dailyCalls, ttlMs());
      if (result.spent) paidCalls.inc({ buyer: buyer.name });
      return result;
    },
    // A counter only grows: a call the provider budget then refused stays in yuantou_buyer_paid_calls_total
    // (rare: that provider is refusing everyone), while the shared count the budget reads is given back.
    refund: () => counters.refund(keyOf(buyer)),
  });

  app.decorate('buyerUsage', async (request: FastifyRequest) => {
    const buyer = lookup(bearerToken(request));
    if (!buyer) return undefined;
    const [callsToday = 0] = await counters.read([keyOf(buyer)]);
    const spent = buyer.dailyCalls !== null && callsToday >= buyer.dailyCalls;
    return {
      name: buyer.name,
      callsToday,
      dailyBudget: buyer.dailyCalls,
      exhaustedUntil: spent ? new Date(nextUtcMidnight(Date.now())).toISOString() : null,
    };
  });
  if (options.buyers.length === 0) return;
  app.addHook('preValidation', (request, _reply, done) => {
    const buyer = lookup(bearerToken(request));
    if (!buyer) return done();
    // Every buyer is counted (its own spend in /v1/usage); only a budget refuses calls.
    runAsBuyer(spendOf(buyer), () => done());
  });
}

export default fp(buyersPlugin, { name: 'buyers', dependencies: ['redis', 'metrics'] });
