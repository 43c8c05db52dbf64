import { PROVIDER_IDS } from '@yuantou/core';
import { z } from 'zod';

// The shape of `yuantou.config.json` and of the environment once read. Every field is optional here;
// defaults live in one place (DEFAULTS below) so the file, the env and the README agree.

const positiveInt = z.coerce.number().int().positive();
const port = z.coerce.number().int().min(0).max(65535);
/** A buyer's name as `/v1/usage`, logs and metrics show it: never the token. */
export const buyerName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'expected a buyer name (letters, digits, . _ -)');
const hostPort = z
  .string()
  .trim()
  .regex(/^(\[[0-9a-fA-F:]+\]|[^\s:[\]]+):\d{1,5}$/, 'expected host:port');

export const ProviderLimits = z.strictObject({
  requestsPerMinute: positiveInt.optional(),
  concurrency: positiveInt.optional(),
  timeoutMs: positiveInt.optional(),
  /** Upstream calls allowed per UTC day, across instances (YUANTOU_<PROVIDER>_DAILY_CALLS); unlimited when absent. */
  dailyCalls: positiveInt.optional(),
});

/** One provider's section: its credential fields (validated later by the adapter) and optional limits. */
export const ProviderSection = ProviderLimits.extend({
  credentials: z.record(z.string(), z.string()).optional(),
});

const providerSections = Object.fromEntries(PROVIDER_IDS.map((id) => [id, ProviderSection.optional()])) as {
  [K in (typeof PROVIDER_IDS)[number]]: z.ZodOptional<typeof ProviderSection>;
};

const weights = z.record(z.string(), z.number().nonnegative());

/** `USD:7.12,EUR:7.74` (CNY per unit, as YUANTOU_FX_RATES carries it) or already an object. */
const fixedRates = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? Object.fromEntries(
          v
            .split(',')
            .map((pair) => pair.trim())
            .filter(Boolean)
            .map((pair) => {
              const [code = '', rate = ''] = pair.split(':');
              return [code.trim().toUpperCase(), rate.trim() === '' ? Number.NaN : Number(rate)];
            }),
        )
      : v,
  z.record(
    z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code (USD:7.12,EUR:7.74)'),
    // CNY per unit of any currency lies far inside these (IDR ≈ 0.00046, KWD ≈ 23); outside them every converted
    // amount is Infinity or 0 (issue 23: 1e-320 and 1e308 made every USD request a 500).
    z
      .number({ error: 'expected CNY per unit, e.g. USD:7.12' })
      .min(1e-6, 'expected CNY per unit, e.g. USD:7.12')
      .max(1e6, 'expected CNY per unit, e.g. USD:7.12'),
  ),
);

/** A bearer token: at least 16 characters and one word on the Authorization line (one with a space could never authenticate). */
const clientToken = z
  .string()
  .min(16, 'tokens must be at least 16 characters')
  .regex(/^\S+$/, 'a token must not contain spaces or other whitespace');

export const ProxyConfigInput = z.strictObject({
  host: z.string().trim().min(1).optional(),
  port: port.optional(),
  redisUrl: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Sentinels watching the master (`REDIS_SENTINELS=10.0.0.1:26379,10.0.0.2:26379`), with `redisSentinelName`. */
  redisSentinels: z.array(hostPort).min(1).optional(),
  /** The master's name in the sentinels' configuration (`sentinel monitor <name> …`). */
  redisSentinelName: z.string().trim().min(1).optional(),
  /** Seed nodes of a Redis Cluster (`REDIS_CLUSTER_NODES=10.0.0.1:6379,10.0.0.2:6379`); the rest are discovered. */
  redisClusterNodes: z.array(hostPort).min(1).optional(),
  /** The password of the Sentinel-watched master or of the Cluster nodes (with REDIS_URL it sits in the URL). */
  redisPassword: z.string().min(1).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /**
   * Bearer tokens the add-in may present: `token`, `name:token` (a named buyer), or in the file
   * `{ "name": "alice", "token": "…", "dailyCalls": 200 }`.
   */
  tokens: z
    .array(
      z.union([
        clientToken,
        z.strictObject({
          name: buyerName,
          token: clientToken,
          dailyCalls: positiveInt.optional(),
        }),
      ]),
    )
    .optional(),
  /** Paid calls per UTC day per named buyer (`YUANTOU_TOKEN_DAILY_CALLS=alice:200,bob:50`). */
  tokenDailyCalls: z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? Object.fromEntries(
              v
                .split(',')
                .map((pair) => pair.trim())
                .filter(Boolean)
                .map((pair) => {
                  const at = pair.lastIndexOf(':');
                  return at < 0 ? [pair, Number.NaN] : [pair.slice(0, at).trim(), Number(pair.slice(at + 1))];
                }),
            )
          : v,
      z.record(buyerName, z.number({ error: 'expected name:calls, e.g. alice:200' }).int().positive()),
    )
    .optional(),
  /** Bearer token a Prometheus scraper presents for `/metrics` (client tokens work too) once tokens are set. */
  metricsToken: z
    .string()
    .min(16, 'the metrics token must be at least 16 characters')
    .regex(/^\S+$/, 'the metrics token must not contain spaces or other whitespace')
    .optional(),
  /** How long a client has to send a whole request (headers and body); longer is a 408. */
  requestTimeoutMs: positiveInt.optional(),
  corsOrigins: z.array(z.url()).optional(),
  /** The production origin of the add-in (e.g. `https://addin.example.com`), allowed by CORS. */
  publicOrigin: z.url().optional(),
  /** Serve the built add-in (task pane, functions, manifest) from this proxy; on by default when it is built. */
  serveAddin: z.boolean().optional(),
  /** Where the built add-in is (default: the excel-addin app's `dist` beside this one). */
  addinDir: z.string().trim().min(1).optional(),
  /** Serve the bundled sample data next to real providers (it is always on when none is configured). */
  demo: z.boolean().optional(),
  providers: z.strictObject(providerSections).optional(),
  cache: z
    .strictObject({
      supplierTtlSeconds: positiveInt.optional(),
      productTtlSeconds: positiveInt.optional(),
      imageTtlSeconds: positiveInt.optional(),
      /** An offer's details per provider + offer + language; prices and stock change through the day. */
      offerTtlSeconds: positiveInt.optional(),
      /** A China-leg freight estimate per provider + offer + quantity + destination. */
      freightTtlSeconds: positiveInt.optional(),
      staleSeconds: z.coerce.number().int().nonnegative().optional(),
      /** In-memory cache bound, in bytes (also the local tier in front of Redis). */
      maxBytes: positiveInt.optional(),
      /** How long a finished answer (merged, ranked, serialised) is replayed for an identical request; 0 = off. */
      responseTtlSeconds: z.coerce.number().int().nonnegative().optional(),
    })
    .optional(),
  retry: z
    .strictObject({
      maxAttempts: positiveInt.optional(),
      baseDelayMs: positiveInt.optional(),
      maxDelayMs: positiveInt.optional(),
    })
    .optional(),
  circuit: z
    .strictObject({ failureThreshold: positiveInt.optional(), resetAfterMs: positiveInt.optional() })
    .optional(),
  ranking: z.strictObject({ suppliers: weights.optional(), products: weights.optional() }).optional(),
  offers: z
    .strictObject({
      /** The order providers are asked for an offer's details (`YUANTOU_OFFER_PROVIDERS=tmapi,onebound`). */
      providers: z.array(z.enum(PROVIDER_IDS)).min(1).optional(),
      /** How long "no provider has this offer" is remembered (no call meanwhile); 0 = never remembered. */
      notFoundTtlSeconds: z.coerce.number().int().nonnegative().optional(),
      /** A walk for an offer stops after this many providers said "not found". */
      notFoundProviders: positiveInt.optional(),
      /** One deadline per `POST /v1/offers` batch (ms): offers not served by then are answered `deadline`. */
      batchDeadlineMs: positiveInt.optional(),
    })
    .optional(),
  /**
   * The China leg of `/v1/landed-cost`: where the buyer's agent's warehouse is (a province such as 浙江, with the
   * GB/T 2260 city and district codes the official platform and DajiSaaS price by), and which providers to ask.
   */
  chinaFreight: z
    .strictObject({
      province: z.string().trim().min(1).optional(),
      cityCode: z.string().trim().optional(),
      districtCode: z.string().trim().optional(),
      providers: z.array(z.enum(PROVIDER_IDS)).min(1).optional(),
    })
    .optional(),
  rateLimit: z.strictObject({ requestsPerMinute: positiveInt.optional() }).optional(),
  /** One overall deadline per client request: every provider call, retry and wait shares it. */
  deadlineMs: positiveInt.optional(),
  /** How long a provider that answered "quota" gets no call when it names no reset time. */
  quotaCoolDownSeconds: positiveInt.optional(),
  /** How long one Redis command may take before this instance falls back to local behaviour. */
  redisCommandTimeoutMs: positiveInt.optional(),
  /** Cap of every upstream body (providers, rate feed, translator); a longer one fails its call. */
  upstreamMaxBodyBytes: positiveInt.optional(),
  /** Machine translation of non-Chinese keywords (LibreTranslate); without it, the bundled glossary. */
  translate: z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }).optional(),
      apiKey: z.string().min(1).optional(),
      /** LibreTranslate's code for simplified Chinese: `zh` on self-hosted servers, `zh-Hans` on some. */
      target: z.string().trim().min(2).optional(),
      ttlSeconds: positiveInt.optional(),
      timeoutMs: positiveInt.optional(),
    })
    .optional(),
  /** Exchange rates for `currency=`: fixed rates, else the ECB daily feed (demo mode: bundled demo rates). */
  fx: z
    .strictObject({
      rates: fixedRates.optional(),
      ecbUrl: z.url({ protocol: /^https?$/ }).optional(),
      timeoutMs: positiveInt.optional(),
    })
    .optional(),
  /** The database of what was paid for (every provider answer, offer snapshots): see src/store/README.md. */
  store: z
    .strictObject({
      /** `false` (YUANTOU_STORE=off) keeps nothing beyond the caches, as before the store existed. */
      enabled: z.preprocess((v) => (v === 'off' ? false : v === 'on' ? true : v), z.boolean()).optional(),
      /** Where the embedded PGlite database lives; relative to the working directory. */
      dataDir: z.string().trim().min(1).optional(),
      /** A team's own Postgres instead of the embedded one. */
      databaseUrl: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
      /** Offer snapshots older than this are deleted. */
      snapshotRetentionDays: positiveInt.optional(),
    })
    .optional(),
  /** Offers re-fetched once a day so their history accrues (off while `offers` is empty). */
  watch: z
    .strictObject({
      offers: z.array(z.string().regex(/^\d{5,20}$/, 'a 1688 offer id is 5–20 digits')).optional(),
      /** UTC, `HH:MM`. */
      dailyAt: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (UTC), e.g. 06:00')
        .optional(),
      /** The share of each provider's daily budget one run may spend. */
      budgetShare: z.coerce.number().gt(0).max(1).optional(),
    })
    .optional(),
});
export type ProxyConfigInput = z.infer<typeof ProxyConfigInput>;

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8787,
  logLevel: 'info',
  corsOrigins: ['https://localhost:3000', 'http://localhost:3000'],
  // The seeds advise caching shop data for a day: it changes slowly. Listings move faster.
  cache: {
    supplierTtlSeconds: 86_400,
    productTtlSeconds: 600,
    imageTtlSeconds: 600,
    offerTtlSeconds: 21_600,
    // A seller's freight template rarely changes within a day.
    freightTtlSeconds: 86_400,
    staleSeconds: 3_600,
    maxBytes: 64 * 1024 * 1024,
    // A recalculating sheet repeats identical searches in bursts; replaying the finished answer for a short
    // while skips merging, ranking and response validation, and never outlives the provider cache it came from.
    responseTtlSeconds: 30,
  },
  retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 },
  circuit: { failureThreshold: 5, resetAfterMs: 30_000 },
  rateLimit: { requestsPerMinute: 1_000 },
  // A dead link (deleted offer, mistyped id) stays dead: asking every provider again on each recalculation cost
  // one paid call per provider per dead link (issue 23). Two providers saying "not found" is answer enough.
  // One 200-ref batch ran 124 s (issue 23). 35 s answers before the add-in's own 40 s request timeout gives up, so
  // the cells left get a reason (and the offers still being fetched are cached for the next recalculation).
  offers: { notFoundTtlSeconds: 86_400, notFoundProviders: 2, batchDeadlineMs: 35_000 },
  deadlineMs: 30_000,
  quotaCoolDownSeconds: 900,
  redisCommandTimeoutMs: 50,
  // A keyword's translation does not change from one day to the next; LibreTranslate is asked once a day.
  translate: { target: 'zh', ttlSeconds: 86_400, timeoutMs: 5_000 },
  fx: { timeoutMs: 10_000 },
  // Yiwu (义乌, district 330782 of 金华 330700, 浙江): where most buying agents' warehouses are.
  chinaFreight: { province: '浙江', cityCode: '330700', districtCode: '330782' },
  // Issue 22: "snapshots: a year by default"; the data folder sits in the proxy's working directory.
  store: { enabled: true, dataDir: 'yuantou-data', snapshotRetentionDays: 365 },
  // Off by default (no offers); a run at 06:00 UTC may spend a quarter of each provider's daily budget.
  watch: { dailyAt: '06:00', budgetShare: 0.25 },
  /** A little above MAX_IMAGE_BASE64_LENGTH (4 MB) so the schema, not the parser, names an oversized image. */
  bodyLimitBytes: 5 * 1024 * 1024,
  // Receiving a request, not answering it: a 5 MB image at 4 Mbit/s takes 10 s. A body shorter than its
  // Content-Length held the socket 128 s with Node's default (issue 23).
  requestTimeoutMs: 15_000,
  // 1688 detail and search answers are tens to hundreds of kB; an endless body grew the proxy to 1.7 GB (issue 23).
  upstreamMaxBodyBytes: 8 * 1024 * 1024,
} as const;
