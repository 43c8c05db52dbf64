import * as z from 'zod';

// Seed 003 ("1688 Signature & Enumeration") lists these; they are the 1688 Open Platform's own
// enumerations for `product.search.keywordQuery`, which DajiSaaS and PandaPon pass through unchanged.
// Only what the searches send is kept: the seed's hot-list `rankType` and product `tagInfo` lists had no reader.

/** `country`: the language `subjectTrans` is translated into (extra languages need activation). */
export const OFFICIAL_COUNTRIES = ['en', 'ru', 'vi', 'ja', 'ko', 'fr', 'pt', 'es'] as const;
export const OfficialCountry = z.enum(OFFICIAL_COUNTRIES);
export type OfficialCountry = z.infer<typeof OfficialCountry>;

/** `filter`: comma-separated, e.g. `shipIn24Hours,shipIn48Hours`. */
export const OFFICIAL_FILTERS = [
  'totalEpScoreLv1',
  'totalEpScoreLv2',
  'totalEpScoreLv3',
  'totalEpScoreLv4',
  'getRate24HLv1',
  'getRate24HLv2',
  'getRate24HLv3',
  'getRate48HLv1',
  'getRate48HLv2',
  'getRate48HLv3',
  'certifiedFactory',
  'shipInToday',
  '1688Selection',
  'jxhy',
  'shipIn24Hours',
  'shipIn48Hours',
  'noReason7DReturn',
  'isOnePsale',
  'isOnePsaleFreePost',
  'new7',
  'new30',
  'isQqyx',
  'isSelect',
] as const;
export const OfficialFilter = z.enum(OFFICIAL_FILTERS);
export type OfficialFilter = z.infer<typeof OfficialFilter>;

/** `sort` is a JSON object of one of these fields to a direction, e.g. `{"price":"asc"}`. */
export const OFFICIAL_SORT_FIELDS = ['price', 'rePurchaseRate', 'monthSold'] as const;
export const OfficialSortField = z.enum(OFFICIAL_SORT_FIELDS);
export type OfficialSortField = z.infer<typeof OfficialSortField>;

export const OFFICIAL_SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type OfficialSortDirection = (typeof OFFICIAL_SORT_DIRECTIONS)[number];
