import type { ProviderCircuit } from '../../upstream/circuit-breaker.js';
import type { Middleware } from '../upstream-chain.js';

/** An open breaker answers at once; each send's outcome feeds it. */
export const breakerStep =
  (circuit: ProviderCircuit): Middleware =>
  (next) =>
  (a) =>
    circuit.execute((signal) => next({ ...a, signal }), a.signal);
