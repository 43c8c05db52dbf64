import type { ConversionFailure, RateQuote } from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ProxyConfig } from '../../config/load-config.js';
import { type CurrencyConverter, createCurrencyConverter } from '../../fx/currency-converter.js';
import { constantRates, ecbRates, type RateProvider } from '../../fx/ecb-rates.js';
import { demoRateTable, fixedRateTable } from '../../fx/rate-tables.js';
import { createKeywordTranslator, type KeywordTranslator } from '../../language/keyword-translator.js';
import { createLibreTranslateClient } from '../../language/libretranslate-client.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Turns non-Chinese keywords into Chinese for providers that search in Chinese only. */
    translator: KeywordTranslator;
    /** Rates for `currency=`. */
    fx: CurrencyConverter;
  }
}

export interface LocalizationOptions {
  config: ProxyConfig;
}

/** Where rates come from: fixed config rates, else bundled demo rates in demo mode, else the ECB feed. */
export function rateProviderFor(config: ProxyConfig, log: FastifyInstance['log']): RateProvider {
  if (config.fx.fixedRates) return constantRates(fixedRateTable(config.fx.fixedRates));
  if (config.demoMode && !config.fx.ecbUrl) return constantRates(demoRateTable());
  return ecbRates({
    url: config.fx.ecbUrl,
    timeoutMs: config.fx.timeoutMs,
    onFetch: (outcome, detail) =>
      outcome === 'ok'
        ? log.info({ rateDate: detail }, 'ECB rates fetched')
        : log.warn({ detail }, 'ECB rates failed'),
  });
}

export default fp(
  async (app: FastifyInstance, { config }: LocalizationOptions) => {
    const { translate } = config;
    app.decorate(
      'translator',
      createKeywordTranslator({
        machine: translate.url
          ? createLibreTranslateClient({
              url: translate.url,
              apiKey: translate.apiKey,
              target: translate.target,
              timeoutMs: translate.timeoutMs,
            })
          : undefined,
        ttlMs: translate.ttlSeconds * 1000,
        onMachineError: (error) =>
          app.log.warn({ detail: (error as Error).message }, 'keyword translation failed'),
      }),
    );
    app.decorate('fx', createCurrencyConverter(rateProviderFor(config, app.log)));
  },
  { name: 'localization' },
);

export type { ConversionFailure, RateQuote };
