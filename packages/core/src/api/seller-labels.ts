import * as z from 'zod';

/** Place names and labels for a buyer who reads `language` other than `zh`; the Chinese stays in its fields. */
export const SellerLabels = z.object({
  /** The seller's province in pinyin or its English name (`Guangdong`), `null` when unknown. */
  provinceTranslated: z.string().nullable(),
  /** The seller's city (`Shantou`), `null` when unknown. */
  cityTranslated: z.string().nullable(),
  /** `金牌制造` → `Gold manufacturer`; `null` when there is no level or no known label. */
  factoryLevelTranslated: z.string().nullable(),
  /** `AAA` → `Integrity level AAA (诚信等级)`. */
  creditLevelTranslated: z.string().nullable(),
  /** Each tag with its English label where one is known, else as given. */
  tagsTranslated: z.array(z.string()),
});
/** Translated seller places and labels: see the {@link SellerLabels} schema. */
export type SellerLabels = z.infer<typeof SellerLabels>;
