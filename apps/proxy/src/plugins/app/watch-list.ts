import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import type { ProxyConfig } from '../../config/load-config.js';
import { scheduleWatchList } from '../../watch/watch-list.js';

/** Schedules the daily watch-list run when offers are configured (YUANTOU_WATCH_OFFERS); off otherwise. */
async function watchList(app: FastifyInstance, { config }: { config: ProxyConfig }): Promise<void> {
  if (!config.watch) return;
  const stop = scheduleWatchList(config.watch, {
    getOffer: app.gateway.getOffer,
    providers: config.offerProviders.map((p) => p.id),
    usage: () => app.gateway.usage(),
    logger: app.log.child({ component: 'watch-list' }) as unknown as Logger,
  });
  app.log.info(
    { offers: config.watch.offerIds.length, dailyAt: config.watch.dailyAt },
    'watch list: offers re-fetched daily (UTC)',
  );
  app.addHook('onClose', async () => stop());
}

export default fp(watchList, { name: 'watch-list', dependencies: ['gateway'] });
