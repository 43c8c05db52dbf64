import {
  type DetectedRegion,
  type ImageQuery,
  type ImageSearchBody,
  isAlibabaHosted,
  type Page,
  type ProviderId,
} from '@yuantou/core';
import { type CheckedPhoto, type CleanPhoto, checkPhoto, cleanPhoto } from './clean-photo.js';
import { createImageFetcher, type ImageFetcher } from './fetch-image.js';
import { needsImageBytes, type PhotoLimits, photoLimitsFor } from './photo-limits.js';

let sharedFetcher: ImageFetcher | undefined;
/** The process's one image fetcher (one keep-alive agent with the public-only DNS lookup). */
function defaultFetcher(): ImageFetcher {
  sharedFetcher ??= createImageFetcher();
  return sharedFetcher;
}

/** What the demo provider says about a photo search: it never looks at the picture (issue 26). */
export const DEMO_PHOTO_NOTE =
  'The demo provider does not look at the picture: it answers with sample products of one trade picked from the image data, not with similar products.';

/**
 * One image search's photo: checked once before any provider is paid (a bad image is a 400 naming
 * `imageBase64`), then re-encoded once per distinct provider limit, so every provider gets a clean copy within its
 * limits and the same photo always gives the same bytes (one cache key, one paid upload).
 */
export interface PhotoSearch {
  /** The query this provider is sent: the clean photo in place of the buyer's bytes. */
  queryFor(provider: ProviderId): Promise<ImageQuery>;
  /** Notes on how the picture was used, for the answer's `notes`. */
  notes(providers: ProviderId[]): string[] | undefined;
  /** Keeps the first detected regions a provider reported, with the size of the photo that provider got. */
  sawPage(provider: ProviderId, page: Page<unknown>): Promise<void>;
  regions(): { regions: DetectedRegion[]; regionImageSize?: { width: number; height: number } } | undefined;
}

/**
 * `imageUrl` not hosted by Alibaba, sent to a provider that finds only Alibaba-hosted images but takes an
 * upload (`needsImageBytes`), is fetched once (bounded, public addresses only) and sent as a clean photo; TMAPI
 * converts such a URL itself and the demo never looks at it, so they keep the URL.
 */
export async function startPhotoSearch(
  body: ImageSearchBody,
  base: ImageQuery,
  selected: ProviderId[],
  options: { fetchImage?: ImageFetcher; signal?: AbortSignal } = {},
): Promise<PhotoSearch> {
  const fetchUrl =
    body.imageUrl !== undefined && !isAlibabaHosted(body.imageUrl) && selected.some(needsImageBytes);
  let photo: CheckedPhoto | undefined;
  if (body.imageBase64 !== undefined) photo = await checkPhoto(body.imageBase64);
  else if (fetchUrl && body.imageUrl !== undefined) {
    const fetched = await (options.fetchImage ?? defaultFetcher())(body.imageUrl, options.signal);
    photo = await checkPhoto(fetched, 'imageUrl');
  }
  const cleaned = new Map<PhotoLimits, Promise<CleanPhoto>>();
  let regions: ReturnType<PhotoSearch['regions']>;
  return {
    async queryFor(provider) {
      if (photo === undefined) return base;
      if (body.imageUrl !== undefined && !needsImageBytes(provider)) return base;
      const limits = photoLimitsFor(provider);
      let clean = cleaned.get(limits);
      if (!clean) {
        clean = cleanPhoto(photo, limits);
        cleaned.set(limits, clean);
      }
      const { imageUrl: _fetched, ...rest } = base;
      return { ...rest, imageBase64: (await clean).base64 };
    },
    notes: (providers) => (providers.includes('demo') ? [DEMO_PHOTO_NOTE] : undefined),
    async sawPage(provider, page) {
      if (regions !== undefined || !page.regions || page.regions.length === 0) return;
      const clean = photo === undefined ? undefined : await cleaned.get(photoLimitsFor(provider));
      regions = {
        regions: page.regions,
        ...(clean ? { regionImageSize: { width: clean.width, height: clean.height } } : {}),
      };
    },
    regions: () => regions,
  };
}
