import * as z from 'zod';

/** The ids of the data providers core has an adapter for; `demo` serves bundled sample data. */
export const PROVIDER_IDS = ['tmapi', 'onebound', 'alibaba', 'dajisaas', 'pandapon', 'demo'] as const;

/** A provider id, one of {@link PROVIDER_IDS}. */
export const ProviderId = z.enum(PROVIDER_IDS);
/** A provider id: `tmapi`, `onebound`, `alibaba` (the 1688 Open Platform), `dajisaas`, `pandapon` or `demo`. */
export type ProviderId = z.infer<typeof ProviderId>;
