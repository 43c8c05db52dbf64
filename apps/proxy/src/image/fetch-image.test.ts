import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../problem.js';
import { smallPhoto } from './__fixtures__/test-photos.js';
import { createImageFetcher, publicOnlyLookup } from './fetch-image.js';
import { startPhotoSearch } from './photo-search.js';

let server: Server;
let port: number;
let photo: Buffer;
let served = 0;

beforeAll(async () => {
  photo = await smallPhoto();
  server = createServer((req, res) => {
    served++;
    if (req.url === '/bear.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
    if (req.url === '/moved') return res.writeHead(302, { location: 'http://127.0.0.1/bear.jpg' }).end();
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      for (let i = 0; i < 64; i++) res.write(Buffer.alloc(64 * 1024));
      return res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** DNS as if `photos.example.com` were the test server: a stand-in for a public host. */
const toTestServer: LookupFunction = (_host, options, callback) =>
  (options as { all?: boolean }).all
    ? (callback as unknown as (e: null, a: object[]) => void)(null, [{ address: '127.0.0.1', family: 4 }])
    : callback(null, '127.0.0.1', 4);

const url = (path: string) => `http://photos.example.com:${port}${path}`;

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
}

describe('createImageFetcher', () => {
  it('fetches an image from a public host', async () => {
    const fetchImage = createImageFetcher({ lookup: toTestServer });
    expect(Buffer.from(await fetchImage(url('/bear.jpg')), 'base64').equals(photo)).toBe(true);
  });

  it('refuses a public name that resolves to a private address (SSRF), before any request', async () => {
    const before = served;
    const fetchImage = createImageFetcher({ lookup: publicOnlyLookup(toTestServer) });
    expect(await problemOf(fetchImage(url('/bear.jpg')))).toMatchObject({ status: 400, field: 'imageUrl' });
    expect(served).toBe(before);
  });

  it('refuses a redirect to a private address', async () => {
    const fetchImage = createImageFetcher({ lookup: toTestServer });
    expect((await problemOf(fetchImage(url('/moved')))).detail).toMatch(/not public/);
  });

  it('bounds the body and names HTTP failures', async () => {
    const fetchImage = createImageFetcher({ lookup: toTestServer, maxBytes: 1024 * 1024 });
    expect((await problemOf(fetchImage(url('/huge')))).detail).toMatch(/larger than/);
    expect((await problemOf(fetchImage(url('/missing')))).detail).toMatch(/HTTP 404/);
  });
});

describe('startPhotoSearch with an imageUrl', () => {
  const base = { page: 1, pageSize: 20, sort: 'default' as const };

  it('fetches a non-Alibaba URL once for providers that need the bytes; TMAPI keeps the URL', async () => {
    let fetched = 0;
    const fetchImage = async () => {
      fetched++;
      return photo.toString('base64');
    };
    const imageUrl = 'https://shop.example.com/bear.jpg';
    const search = await startPhotoSearch(
      { imageUrl } as never,
      { ...base, imageUrl },
      ['alibaba', 'tmapi'],
      {
        fetchImage,
      },
    );
    const official = await search.queryFor('alibaba');
    expect(official.imageUrl).toBeUndefined();
    expect(official.imageBase64).toMatch(/^\/9j\//);
    expect(await search.queryFor('tmapi')).toMatchObject({ imageUrl });
    expect(fetched).toBe(1);
  });

  it('does not fetch an alicdn URL (the providers search it directly)', async () => {
    let fetched = 0;
    const imageUrl = 'https://cbu01.alicdn.com/img/ibank/a.jpg';
    const search = await startPhotoSearch({ imageUrl } as never, { ...base, imageUrl }, ['alibaba'], {
      fetchImage: async () => {
        fetched++;
        return '';
      },
    });
    expect(await search.queryFor('alibaba')).toMatchObject({ imageUrl });
    expect(fetched).toBe(0);
  });

  it('a fetched non-image is a 400 naming imageUrl', async () => {
    const imageUrl = 'https://shop.example.com/page.html';
    const problem = await problemOf(
      startPhotoSearch({ imageUrl } as never, { ...base, imageUrl }, ['dajisaas'], {
        fetchImage: async () => Buffer.from('<html>not an image</html>').toString('base64'),
      }),
    );
    expect(problem).toMatchObject({ status: 400, field: 'imageUrl' });
  });
});
