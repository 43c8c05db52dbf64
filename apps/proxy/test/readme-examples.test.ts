import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './support/test-app.js';

// The READMEs' `curl` lines are what a new user types first: each one runs here, as written (only the
// documented address replaced by this test's port), against a demo proxy, and must get a real answer.

const README_ADDRESS = 'http://127.0.0.1:8787';
const readmes = ['README.md', 'apps/proxy/README.md'].map((readme) => ({
  readme,
  text: readFileSync(fileURLToPath(new URL(`../../../${readme}`, import.meta.url)), 'utf8'),
}));

/** `curl` commands from fenced sh blocks and from inline code spans. */
function curlExamples(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n')) if (line.trim().startsWith('curl ')) commands.push(line.trim());
  }
  for (const span of markdown.matchAll(/`(curl [^`]+)`/g)) commands.push(span[1]!);
  return [...new Set(commands)];
}

const examples = readmes.flatMap(({ readme, text }) =>
  curlExamples(text).map((command) => ({ readme, command })),
);
// The one example shown on purpose to explain the 400: it must fail the way the README says.
const rawUtf8Example = "curl 'http://127.0.0.1:8787/v1/suppliers?q=玩具厂'";
const working = examples.filter(({ command }) => command !== rawUtf8Example);

const run = promisify(execFile);
let t: TestApp;
let origin: string;

beforeAll(async () => {
  t = await buildTestApp();
  origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await t.app.close();
});

const curl = async (command: string) => {
  const { stdout } = await run('sh', ['-c', command.replaceAll(README_ADDRESS, origin)], { timeout: 15_000 });
  return JSON.parse(stdout) as Record<string, unknown>;
};

describe('README shell examples', () => {
  it('finds the curl examples in both READMEs, the supplier search among them', () => {
    expect(examples.map((e) => e.readme)).toEqual(
      expect.arrayContaining(['README.md', 'apps/proxy/README.md']),
    );
    expect(working.map((e) => e.command)).toContain(
      'curl -G --data-urlencode q=玩具厂 http://127.0.0.1:8787/v1/suppliers',
    );
    expect(working.some((e) => e.readme === 'README.md' && e.command.includes('/v1/landed-cost'))).toBe(true);
  });

  it.each(working)('$readme: $command answers with data', async ({ command }) => {
    const body = await curl(command);
    expect(body).not.toHaveProperty('status');
    if (command.includes('/v1/offers/')) {
      // The README's sample offer id is one the demo has, priced as the README shows (issue 21).
      expect(body).toMatchObject({ offerId: '763897068147', provider: 'demo' });
      expect(body['price']).toMatchObject({
        unitPrice: 17.2,
        cheaperTotalAt: { quantity: 610, subtotal: 7917.8 },
      });
      return;
    }
    const items = (body['items'] ?? body['providers'] ?? body['lines']) as unknown[];
    expect(items.length).toBeGreaterThan(0);
    if (command.includes('/v1/landed-cost')) {
      // The worked example's figures are this answer's, not typed in: the README must show them.
      const { total, perUnit } = body as { total: { amount: number }; perUnit: { amount: number } };
      const readme = readmes.find((r) => r.readme === 'README.md')!.text;
      expect(readme).toContain(`**${total.amount.toFixed(2)}**`);
      expect(readme).toContain(`**${perUnit.amount} EUR per piece**`);
    }
    if (command.includes("'q=plush toys'")) {
      expect(body['translation']).toMatchObject({ searchedAs: '毛绒玩具', method: 'glossary' });
      if (command.includes('quantity=500')) {
        const shown = (items as { id: string; priceAtQuantity?: { cheaperTotalAt?: unknown } }[]).find(
          (item) => item.id === '763897068147',
        );
        expect(shown?.priceAtQuantity?.cheaperTotalAt).toEqual({ quantity: 610, subtotal: 7917.8 });
      }
    }
    if (command.includes('q=玩具厂')) {
      expect(body['sampleData']).toBe(true);
      expect(JSON.stringify(body)).toContain('玩具');
    }
  });

  it('answers the raw UTF-8 example with a problem body that says how to encode', async () => {
    expect(examples.map((e) => e.command)).toContain(rawUtf8Example);
    const body = await curl(rawUtf8Example);
    expect(body).toMatchObject({ status: 400, kind: 'validation', field: 'url' });
    expect(body['detail']).toContain('curl -G --data-urlencode q=玩具厂');
  });
});

describe('requests Node’s HTTP parser rejects', () => {
  const send = (raw: string) =>
    new Promise<string>((resolve, reject) => {
      const { port } = new URL(origin);
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(Buffer.from(raw, 'utf8')));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });

  it('gets application/problem+json, not Fastify’s bare "Client Error"', async () => {
    const response = await send('GET /v1/suppliers?q=玩具厂 HTTP/1.1\r\nHost: x\r\n\r\n');
    const [head, body] = response.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Content-Type: application/problem+json');
    const problem = JSON.parse(body!);
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request', field: 'url' });
    expect(problem.detail).toContain('percent-encode');
    expect(Number(/Content-Length: (\d+)/.exec(head!)?.[1])).toBe(Buffer.byteLength(body!));
  });

  it('answers other malformed requests with a generic problem and keeps serving', async () => {
    const response = await send('NOT HTTP AT ALL\r\n\r\n');
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(response.split('\r\n\r\n')[1]!)).toMatchObject({
      status: 400,
      detail: 'the request is not valid HTTP/1.1',
    });
    const next = await curl('curl -s http://127.0.0.1:8787/healthz');
    expect(next).toBeTruthy();
  });
});
