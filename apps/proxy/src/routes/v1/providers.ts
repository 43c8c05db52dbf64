import { listProviders, ProvidersResponse, ROUTES } from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { capabilitiesLeftOut, everyCapabilityLeftOut } from '../../config/capabilities.js';
import type { RouteOptions } from '../route-helpers.js';

/** What each provider can do and whether it is enabled; the response schema has no room for credentials. */
export default async function providersRoutes(app: FastifyInstance, { config }: RouteOptions): Promise<void> {
  const enabled = new Set(config.providers.map((p) => p.id));
  const leftOut = capabilitiesLeftOut(config.providers);
  const everyLeftOut = everyCapabilityLeftOut(config.providers);
  app.withTypeProvider<ZodTypeProvider>().get(
    ROUTES.providers,
    {
      schema: {
        summary: 'The providers this proxy knows, which are enabled, and what each can search',
        tags: ['providers'],
        response: { 200: ProvidersResponse },
      },
    },
    async () => ({
      providers: listProviders().map((info) => ({
        id: info.id,
        name: info.name,
        enabled: enabled.has(info.id),
        operations: info.operations,
        supplierSearch: info.supplierSearch,
        maxPageSize: info.maxPageSize as Record<string, number>,
        credentialFields: info.credentialFields,
        secretFields: info.secretFields,
      })),
      demoMode: config.demoMode,
      capabilitiesLeftOut: leftOut,
      leftOut: everyLeftOut,
    }),
  );
}
