import * as z from 'zod';

// Seed 003 ("1688 Signature & Enumeration") lists these; they are the 1688 Open Platform's own
// enumerations for `product.search.keywordQuery`, which DajiSaaS and PandaPon pass through unchanged.

/** `country`: the language `subjectTrans` is translated into (extra languages need activation). */
export const DAJISAAS_COUNTRIES = ['en', 'ru', 'vi', 'ja', 'ko', 'fr', 'pt', 'es'] as const;
export const DajisaasCountry = z.enum(DAJISAAS_COUNTRIES);
export type DajisaasCountry = z.infer<typeof DajisaasCountry>;

/** `filter`: comma-separated, e.g. `shipIn24Hours,shipIn48Hours`. */
export const DAJISAAS_FILTERS = [
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
export const DajisaasFilter = z.enum(DAJISAAS_FILTERS);
export type DajisaasFilter = z.infer<typeof DajisaasFilter>;

/** `sort` is a JSON object of one of these fields to a direction, e.g. `{"price":"asc"}`. */
export const DAJISAAS_SORT_FIELDS = ['price', 'rePurchaseRate', 'monthSold'] as const;
export const DajisaasSortField = z.enum(DAJISAAS_SORT_FIELDS);
export type DajisaasSortField = z.infer<typeof DajisaasSortField>;

export const DAJISAAS_SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type DajisaasSortDirection = (typeof DAJISAAS_SORT_DIRECTIONS)[number];

/** `rankType` of the hot-list query (not used by the searches, listed for completeness of the seed). */
export const DAJISAAS_RANK_TYPES = [
  'complex',
  'hot',
  'goodPrice',
  'anchorHot',
  'anchorNew',
  'anchorRecommend',
  'VNHot',
  'VNTrend',
] as const;
export const DajisaasRankType = z.enum(DAJISAAS_RANK_TYPES);
export type DajisaasRankType = z.infer<typeof DajisaasRankType>;

/** Product `tagInfo` values. */
export const DAJISAAS_TAGS = [
  'isOnePsale',
  'isOnePsaleFreePostage',
  'isSupportMix',
  'noReason7DReturn',
  '1688_yx',
  'new7',
  'new30',
  'isQqyx',
  'select',
] as const;
export const DajisaasTag = z.enum(DAJISAAS_TAGS);
export type DajisaasTag = z.infer<typeof DajisaasTag>;
