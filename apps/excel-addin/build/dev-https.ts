import type { ServerOptions } from 'node:https';
import type { PluginOption } from 'vite';

// HTTPS for `pnpm start`: Office only loads add-ins over https. office-addin-dev-certs makes a CA and a
// localhost certificate and asks the OS to trust it (Windows/macOS prompt; on Linux it needs the system CA
// tools). Where that fails we fall back to a throwaway self-signed certificate (@vitejs/plugin-basic-ssl):
// the pane then loads only after accepting the browser warning once, and desktop Excel will not trust it.

export interface DevHttps {
  https?: ServerOptions;
  plugins: PluginOption[];
}

const selfSigned = async (): Promise<DevHttps> => {
  const { default: basicSsl } = await import('@vitejs/plugin-basic-ssl');
  return { plugins: [basicSsl({ name: 'yuantou-dev', domains: ['localhost'] })] };
};

/** ADDIN_SELF_SIGNED=1 skips office-addin-dev-certs (it runs `sudo` to trust its CA on Linux). */
export async function devHttps(env: Record<string, string | undefined> = process.env): Promise<DevHttps> {
  if (env.ADDIN_SELF_SIGNED === '1') return selfSigned();
  try {
    const { getHttpsServerOptions } = await import('office-addin-dev-certs');
    const options = await getHttpsServerOptions();
    return { https: { cert: options.cert, key: options.key, ca: options.ca }, plugins: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.warn(
      [
        '',
        `yuantou: office-addin-dev-certs could not install trusted localhost certificates (${reason}).`,
        '  Falling back to a self-signed certificate: open https://localhost:3000/taskpane.html once and accept',
        '  the warning (Excel on the web then loads the add-in). For desktop Excel, run',
        '  `npx office-addin-dev-certs install` on your machine and restart `pnpm start`.',
        '',
      ].join('\n'),
    );
    return selfSigned();
  }
}
