import { type FakeServer, type RecordedRequest, type Reply, startFakeServer } from '@yuantou/core/testing';

// A LibreTranslate server as its API documents it (docs.libretranslate.com, "API usage"): `POST /translate`
// with JSON `{ q, source, target, format, api_key }` → `{ translatedText, detectedLanguage? }`; errors are
// `{ error }` with 400 (unsupported language), 403 (API key) and 429 ("Slowdown"). Like the real engine, a text
// it cannot translate comes back unchanged rather than as an error.

export const LIBRETRANSLATE_PATH = '/translate';
export const LIBRETRANSLATE_FAKE_KEY = 'fake-libretranslate-key-83d1';

/** What the fake's "model" knows (English and German → simplified Chinese). */
const EN_ZH: Record<string, string> = {
  'toy factory': '玩具工厂',
  'silk dress': '真丝连衣裙',
  'phone case': '手机壳',
  'stainless steel water bottle': '不锈钢水瓶',
  'plush toy': '毛绒玩具',
  plüschtiere: '毛绒玩具',
  'edelstahl trinkflasche': '不锈钢水瓶',
};
const TARGETS = new Set(['zh', 'zh-Hans', 'zt', 'en', 'ru', 'ja', 'ko']);

function translate(request: RecordedRequest, requireKey: boolean): Reply {
  let body: { q?: unknown; source?: unknown; target?: unknown; api_key?: unknown };
  try {
    body = JSON.parse(request.body);
  } catch {
    return { status: 400, body: { error: 'Invalid request: missing q parameter' } };
  }
  if (requireKey && body.api_key !== LIBRETRANSLATE_FAKE_KEY) {
    return {
      status: 403,
      body: { error: 'Visit https://portal.libretranslate.com to get an API key' },
    };
  }
  if (typeof body.q !== 'string' || body.q === '')
    return { status: 400, body: { error: 'Invalid request: missing q parameter' } };
  if (typeof body.target !== 'string' || !TARGETS.has(body.target))
    return { status: 400, body: { error: `${String(body.target)} is not supported` } };
  const text = body.q.trim().toLowerCase();
  const translatedText = EN_ZH[text] ?? body.q;
  return {
    body: {
      translatedText,
      ...(body.source === 'auto' ? { detectedLanguage: { confidence: 90, language: 'en' } } : {}),
    },
  };
}

/** The fake; `answerWith` makes it a hostile translator (issue 23) until called with undefined. */
export interface LibreTranslateFake extends FakeServer {
  /** From now on every translation is this text, whatever was asked (control characters, 100,000 characters). */
  answerWith(text: string | undefined): void;
}

/** Starts the fake; `requireKey` makes it behave like an instance started with `--api-keys`. */
export async function startLibreTranslateFake(
  options: { requireKey?: boolean } = {},
): Promise<LibreTranslateFake> {
  let hostile: string | undefined;
  const server = await startFakeServer({
    name: 'libretranslate',
    route: (request) =>
      request.method === 'POST' && request.path === LIBRETRANSLATE_PATH
        ? (r) =>
            hostile === undefined
              ? translate(r, options.requireKey ?? false)
              : { body: { translatedText: hostile } }
        : undefined,
    authenticate: () => null,
    errors: {
      slowdown: () => ({ status: 429, body: { error: 'Slowdown: 30 per 1 minute' } }),
      serverError: () => ({ status: 500, body: { error: 'Cannot translate text: internal error' } }),
    },
  });
  return Object.assign(server, {
    answerWith: (text: string | undefined) => {
      hostile = text;
    },
  });
}
