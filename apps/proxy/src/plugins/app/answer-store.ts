import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import type { StoreConfig } from '../../config/load-config.js';
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
        });
  app.decorate('answerStore', instance);
  // After the gateway (registered later, closed earlier): its last background refreshes may still record.
  app.addHook('onClose', async () => instance.close());
}

export default fp(answerStore, { name: 'answer-store' });
