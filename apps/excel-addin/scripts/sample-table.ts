// Prints the README's sample `=SUPPLIERS("玩具厂")` output as a Markdown table, computed by the real
// functions against the real proxy in demo mode (so the README never shows invented data).
// Run: pnpm sample [keyword] [count]
import { createAddinRuntime } from '../src/app/addin-runtime.js';
import { startDemoProxy } from '../test/demo-proxy.js';

const keyword = process.argv[2] ?? '玩具厂';
const count = Number(process.argv[3] ?? 10);
const proxy = await startDemoProxy();
try {
  const memory = new Map<string, string>();
  const runtime = createAddinRuntime({
    store: { getItem: async (k) => memory.get(k) ?? null, setItem: async (k, v) => void memory.set(k, v) },
  });
  await runtime.update({ proxyUrl: proxy.url, token: '' });
  const rows = await runtime.functions.suppliers(keyword, undefined, count);
  const cell = (v: unknown) =>
    typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v).replaceAll('|', '\\|');
  const [header = [], ...body] = rows;
  console.log(`| ${header.map(cell).join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of body) console.log(`| ${row.map(cell).join(' | ')} |`);
} finally {
  await proxy.close();
}
