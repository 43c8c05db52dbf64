import type { Page } from '../models/page.js';
import type { Operation } from '../providers/provider-contract.js';
import { sendRequest } from './send-request.js';

/**
 * An image search run the way the proxy runs it, against a fake: `map`, the prepare step (upload or URL
 * conversion) when the params need one, then the search itself. For the fakes' and adapters' own tests.
 */
export async function preparedSearch<Q, C, T>(
  operation: Operation<Q, C, T>,
  query: Q,
  credentials: C,
): Promise<{ page: Page<T>; ignored: string[]; params: object }> {
  const { params: mapped, ignored } = operation.map(query);
  let params = mapped;
  const prepare = operation.prepare?.sign(params, credentials);
  if (prepare) params = operation.prepare!.complete(params, await sendRequest({ ...prepare, ignored: [] }));
  const page = operation.parseResponse(
    await sendRequest({ ...operation.sign(params, credentials), ignored }),
  );
  return { page, ignored, params };
}
