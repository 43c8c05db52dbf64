import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createSecretScrubber } from '../../secret-scrubber.js';

/**
 * The last line of defence for responses: response schemas already leave no field for credentials, but a
 * provider's error message (in `providers[].error.message` and problem details) may quote our request back.
 */
async function secretScrub(app: FastifyInstance, options: { secrets: string[] }): Promise<void> {
  const scrub = createSecretScrubber(options.secrets);
  app.addHook('onSend', async (_request, _reply, payload) =>
    typeof payload === 'string' ? scrub(payload) : payload,
  );
}

export default fp(secretScrub, { name: 'secret-scrub' });
