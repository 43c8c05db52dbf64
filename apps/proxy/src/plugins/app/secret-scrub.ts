import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createSecretScrubber } from '../../secret-scrubber.js';

/**
 * The last line of defence for responses: response schemas already leave no field for credentials, but a
 * provider's error message (in `providers[].error.message` and problem details) may quote our request back.
 */
async function secretScrub(app: FastifyInstance, options: { secrets: string[] }): Promise<void> {
  const scrub = createSecretScrubber(options.secrets);
  // A callback hook, not an async one: every response passes here, and a promise per response is a measurable
  // part of a cache hit (`pnpm bench`). Replays are Buffers, scrubbed once when they were stored.
  app.addHook('onSend', (_request, _reply, payload, done) => {
    done(null, typeof payload === 'string' ? scrub(payload) : payload);
  });
}

export default fp(secretScrub, { name: 'secret-scrub' });
