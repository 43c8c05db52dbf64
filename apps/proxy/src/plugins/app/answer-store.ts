import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { Counter, Gauge } from 'prom-client';
import type { StoreConfig } from '../../config/store-config.js';
import { type AnswerStore, createAnswerStore, storeOff } from '../../store/answer-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database of what was paid for (answers, offer snapshots); `storeOff` with YUANTOU_STORE=off. */
    answerStore: AnswerStore;
  }
}

interface AnswerStorePluginOptions {
  store: StoreConfig;
}

/** Opens the store at start (migrations included); an unreachable database starts it degraded, never fails start. */
async function answerStore(app: FastifyInstance, { store }: AnswerStorePluginOptions): Promise<void> {
  // For the dashboard and the "database down" alert (deploy/monitoring): registered whenever a store is configured.
  const registers = [app.metricsRegistry];
  const errors =
    store.kind === 'off'
      ? undefined
      : new Counter({
          name: 'yuantou_store_errors_total',
          help: 'Failed operations on the answer database (unreachable, disk full, …); searches go on without it.',
          registers,
        });
  const instance =
    store.kind === 'off'
      ? storeOff
      : await createAnswerStore({
          target:
            store.kind === 'pglite'
              ? { kind: 'pglite', dataDir: store.dataDir }
              : { kind: 'postgres', databaseUrl: store.databaseUrl },
          retentionDays: store.snapshotRetentionDays,
          logger: app.log as unknown as Logger,
          onFailure: () => errors?.inc(),
        });
  if (store.kind !== 'off') {
    new Gauge({
      name: 'yuantou_store_up',
      help: '1 while the answer database (PGlite or Postgres) works for this instance, 0 while it is degraded.',
      registers,
      collect() {
        this.set(instance.health().store === 'ok' ? 1 : 0);
      },
    });
  }
  app.decorate('answerStore', instance);
  // After the gateway (registered later, closed earlier): its last background refreshes may still record.
  app.addHook('onClose', async () => instance.close());
}

export default fp(answerStore, { name: 'answer-store' });
