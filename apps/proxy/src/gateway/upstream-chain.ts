import type { ProviderResponse, SignedRequest } from '@yuantou/core';
import type { Deadline } from './deadline.js';
import type { GatewayOperation } from './gateway-contract.js';

// How one provider call is protected, as data: the steps below, outermost first, composed in one place. Any
// operation an adapter offers (searches today, offer details tomorrow) goes through the same chain, so a new
// operation gets deadlines, budgets, pauses, limits and retries without code of its own. Each step is one
// middleware in `steps/<step>.ts` over the dependencies it names; the chain below only orders them.
//
// Why this order (locked by upstream-chain.test.ts):
// - `deadline` outermost: one overall deadline per client request; every attempt and every wait shares it.
// - `retry` outside everything that guards a single send, so each retry is checked again: a retry must wait for
//   a pause to end, pass the breaker and re-acquire a rate-limit slot, like any new call.
// - `pause` and `breaker` before `rateLimit`: a paused provider or an open breaker answers at once, before any
//   rate slot or concurrency slot is taken.
// - `paidCallGate` last: the moment before money is spent — a pause set while this call queued, and the daily
//   budget (counted only for calls actually sent).

export const UPSTREAM_CHAIN = [
  'deadline',
  'retry',
  'pause',
  'breaker',
  'rateLimit',
  'concurrency',
  'paidCallGate',
] as const;
export type ChainStep = (typeof UPSTREAM_CHAIN)[number];

/** One attempt at one provider operation. */
export interface UpstreamAttempt {
  operation: GatewayOperation;
  /** What is sent: the operation itself, or a step it needs first (the 1688 image upload). */
  step: string;
  /** Signs the mapped params; called per attempt, so timestamps are current. */
  sign(): SignedRequest;
  /** A page for searches, an offer for getOffer, completed params for a prepare step. */
  parse(response: ProviderResponse): unknown;
  /** Fires when every caller has gone away or the deadline has passed. */
  signal: AbortSignal;
  /** The whole call's one deadline (all attempts, all waits), fixed when the client's call began. */
  deadline: Deadline;
  /** 1 for the first send, 2 for the first retry… (set by the retry step). */
  attempt: number;
}

export type UpstreamCall = (attempt: UpstreamAttempt) => Promise<unknown>;
export type Middleware = (next: UpstreamCall) => UpstreamCall;

/** Wraps `send` in every step of UPSTREAM_CHAIN, the first one outermost. */
export function composeUpstream(steps: Record<ChainStep, Middleware>, send: UpstreamCall): UpstreamCall {
  return UPSTREAM_CHAIN.reduceRight<UpstreamCall>((next, name) => steps[name](next), send);
}
