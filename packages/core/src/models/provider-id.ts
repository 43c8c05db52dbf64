import * as z from 'zod';

export const PROVIDER_IDS = ['tmapi', 'onebound', 'alibaba', 'dajisaas', 'pandapon', 'demo'] as const;

export const ProviderId = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof ProviderId>;
