import type { ProviderId } from '../models/provider-id.js';
import type { ErrorCatalogue, FakeServer } from './fake-server.js';

// What each provider's fake (`providers/<id>/<id>-fake.ts`) exports. Its own file, below both the fakes and the
// registry of fakes (`provider-fakes.ts`, which imports every fake): the fakes import this, never the registry.

export interface FakeStartOptions {
  port?: number;
  /** How many results the fake's searches pretend to have. */
  total?: number;
}

/** One provider's fake upstream: the credentials it accepts, its error catalogue and how to start it. */
export interface ProviderFake {
  readonly id: ProviderId;
  /** Credentials the fake accepts, as the adapter's schema takes them (without `baseUrl`). */
  readonly credentials: Readonly<Record<string, string>>;
  /** Every documented error the fake can emit, by the provider's own code. */
  readonly errors: ErrorCatalogue;
  start(options?: FakeStartOptions): Promise<FakeServer>;
}
