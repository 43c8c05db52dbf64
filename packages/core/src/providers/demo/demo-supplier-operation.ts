import * as z from 'zod';
import { SupplierDetail, SupplierRef } from '../../models/supplier-detail.js';
import { defineSupplierOperation } from '../define-operation.js';
import type { ProviderResponse, SupplierOperation } from '../provider-contract.js';
import { type ErrorTable, errorFromTable, guardParse, parseJsonBody } from '../response-body.js';
import { findDemoSupplierDetail } from './demo-supplier.js';

// The demo's `getSupplier` through the same contract as the real providers: `demo://supplier?kind=…&value=…`,
// answered in-process by the adapter's `respond`.

export const DEMO_SUPPLIER_PATH = 'supplier';

const ERRORS: ErrorTable = {
  bad_request: { kind: 'bad_request', message: 'demo: the supplier reference is not valid' },
  not_found: { kind: 'not_found', message: 'demo: no such supplier' },
};

const json = (status: number, body: unknown): ProviderResponse => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

/** Answers `demo://supplier?…` from the bundled data set. */
export function respondDemoSupplier(params: URLSearchParams): ProviderResponse {
  const ref = SupplierRef.safeParse({ kind: params.get('kind'), value: params.get('value') });
  if (!ref.success) return json(400, { code: 'bad_request', message: z.prettifyError(ref.error) });
  const detail = findDemoSupplierDetail(ref.data);
  if (!detail) return json(404, { code: 'not_found', message: `no demo supplier ${ref.data.value}` });
  return json(200, { code: 'ok', data: detail });
}

const Envelope = z.object({ code: z.string(), message: z.string().nullish(), data: z.unknown().optional() });

/** Every reference form works on the demo: member id, shop link and login id. */
export const demoGetSupplier: SupplierOperation<Record<string, never>> = defineSupplierOperation({
  map: (ref) => ({ params: { kind: ref.kind, value: ref.value }, ignored: [] }),
  sign: (params: object) => {
    const search = new URLSearchParams(params as Record<string, string>);
    search.sort();
    return { method: 'GET', url: `demo://${DEMO_SUPPLIER_PATH}?${search}`, headers: {} };
  },
  parseResponse: (response) => {
    const body = parseJsonBody('demo', response);
    return guardParse('demo', () => {
      const envelope = Envelope.parse(body);
      if (response.status !== 200 || envelope.code !== 'ok')
        throw errorFromTable('demo', ERRORS, envelope.code, response, envelope.message);
      return SupplierDetail.parse(envelope.data);
    });
  },
});
