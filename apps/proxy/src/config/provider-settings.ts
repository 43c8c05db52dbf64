import {
  type AnyProviderAdapter,
  credentialShape,
  getProvider,
  PROVIDER_IDS,
  type ProviderId,
} from '@yuantou/core';
import type { z } from 'zod';
import type { ProviderSettings } from '../gateway/gateway-contract.js';
import type { ProviderSection } from './config-schema.js';
import { providerEnvName } from './env-names.js';

type Section = z.infer<typeof ProviderSection>;

function where(id: ProviderId, field: string): string {
  return `${providerEnvName(id, field)} (providers.${id}.credentials.${field})`;
}

export interface ResolvedProviders {
  enabled: ProviderSettings[];
  problems: string[];
}

/**
 * A provider is enabled when its credentials are complete. Setting some fields but not all is a mistake
 * worth stopping for (a typo in an env name would otherwise silently fall back to sample data).
 */
export function resolveProviders(
  sections: Partial<Record<ProviderId, Section>>,
  demoOverride: boolean | undefined,
): ResolvedProviders {
  const enabled: ProviderSettings[] = [];
  const problems: string[] = [];
  for (const id of PROVIDER_IDS) {
    if (id === 'demo') continue;
    const adapter = getProvider(id);
    const section = sections[id];
    const given = section?.credentials ?? {};
    if (Object.keys(given).length === 0) continue;
    const shape = credentialShape(adapter);
    const unknown = Object.keys(given).filter((field) => !(field in shape));
    for (const field of unknown) {
      problems.push(
        `providers.${id}.credentials.${field}: unknown credential field (expected ${Object.keys(shape).join(', ')})`,
      );
    }
    const missing = Object.keys(shape).filter(
      (field) => given[field] === undefined && !shape[field]!.safeParse(undefined).success,
    );
    for (const field of missing) {
      // A field's own description says why it is needed (e.g. the 1688 user token the searches require).
      const why = shape[field]!.description;
      problems.push(`${where(id, field)}: missing — ${id} is partially configured${why ? ` (${why})` : ''}`);
    }
    if (unknown.length > 0 || missing.length > 0) continue;
    const parsed = adapter.credentials.safeParse(given);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${where(id, issue.path.map(String).join('.'))}: ${issue.message}`);
      }
      continue;
    }
    enabled.push(settingsFor(id, adapter, parsed.data as Record<string, unknown>, section));
  }
  if (demoOverride ?? enabled.length === 0) {
    const demo = getProvider('demo');
    enabled.push(settingsFor('demo', demo, {}, sections.demo));
  }
  return { enabled, problems };
}

function settingsFor(
  id: ProviderId,
  adapter: AnyProviderAdapter,
  credentials: Record<string, unknown>,
  section: Section | undefined,
): ProviderSettings {
  return {
    id,
    adapter,
    credentials,
    requestsPerMinute: section?.requestsPerMinute ?? adapter.limits.requestsPerMinute,
    concurrency: section?.concurrency ?? adapter.limits.concurrency,
    timeoutMs: section?.timeoutMs ?? adapter.limits.timeoutMs,
    dailyCalls: section?.dailyCalls ?? null,
  };
}
