import type { ProviderRequest, ProviderResponse } from '../providers/provider-contract.js';

// Sends an adapter's ProviderRequest as-is with fetch, for the fakes' self-tests (the proxy has its own sender).

export async function sendRequest(request: ProviderRequest): Promise<ProviderResponse> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  return {
    status: response.status,
    body: await response.text(),
    headers: Object.fromEntries(response.headers),
  };
}

/** The request with one query parameter replaced, as a tampering client or a proxy bug would send it. */
export function withQueryParam(request: ProviderRequest, name: string, value: string): ProviderRequest {
  const url = new URL(request.url);
  url.searchParams.set(name, value);
  return { ...request, url: url.toString() };
}

export function json(response: ProviderResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}
