import { buildApp } from './app.js';
import { ConfigError } from './config/config-error.js';
import { loadConfig } from './config/load-config.js';
import { httpsOptionsFromEnv } from './https-options.js';

// Loads config once, builds the app, listens, and closes gracefully (in-flight requests finish, the
// gateway closes its Redis and HTTP pools) on SIGINT/SIGTERM.

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let https: ReturnType<typeof httpsOptionsFromEnv>;
  try {
    config = loadConfig();
    https = httpsOptionsFromEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError || (error instanceof Error && /HTTPS_/.test(error.message))) {
      process.stderr.write(`yuantou proxy: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await buildApp(config, https ? { https } : {});
  if (https) app.log.info(`serving https with ${https.source}`);
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('graceful shutdown timed out');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  // Start-up failures other than config: print the kind of error only, never objects that may hold secrets.
  process.stderr.write(
    `yuantou proxy failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
