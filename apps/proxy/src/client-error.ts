import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problem } from './problem.js';

// Requests Node's HTTP parser rejects never reach a route, so Fastify's error handler never sees them; without
// this they get Fastify's `{"message":"Client Error"}`. The common case is a URL typed with raw UTF-8, e.g.
// `curl 'http://127.0.0.1:8787/v1/suppliers?q=玩具厂'`: HTTP/1.1 request lines must be ASCII (RFC 9112 §3.2,
// RFC 3986 §2.1), so Node answers HPE_INVALID_URL before any code of ours runs.

const ENCODE_HINT =
  'the request line holds characters HTTP does not allow (e.g. raw Chinese such as 玩具厂 in the query): ' +
  'percent-encode the query — curl -G --data-urlencode q=玩具厂 http://127.0.0.1:8787/v1/suppliers ' +
  'or encodeURIComponent(q) in JavaScript';

function problemFor(code: string | undefined) {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, 'the request was not received in time');
    case 'HPE_HEADER_OVERFLOW':
      return problem(431, 'the request headers are too large');
    case 'HPE_INVALID_URL':
      return problem(400, ENCODE_HINT, { field: 'url', kind: 'validation' });
    default:
      return problem(400, 'the request is not valid HTTP/1.1', { kind: 'validation' });
  }
}

/** Fastify's `clientErrorHandler`: answers parser rejections with an RFC 9457 problem body, then closes. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer (Node's own advice for 'clientError').
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const body = problemFor(error.code);
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status] ?? 'Bad Request'}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}
