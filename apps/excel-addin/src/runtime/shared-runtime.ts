import { createAddinRuntime } from './addin-runtime.js';
import { defaultStore } from './settings-store.js';

/** The page's one runtime; functions.ts and the pane both import it (shared runtime = one page, one module graph). */
export const sharedRuntime = createAddinRuntime({ store: defaultStore() });
