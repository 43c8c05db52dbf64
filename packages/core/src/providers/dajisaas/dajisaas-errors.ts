import type { ErrorTable } from '../response-body.js';

// DajiSaaS publishes no error table (seed 003); its `code` follows HTTP (`200` on success), so these are the
// HTTP meanings in its words. Unknown codes are `upstream`.
export const DAJISAAS_ERRORS: ErrorTable = {
  '400': { kind: 'bad_request', message: 'DajiSaaS rejected a parameter' },
  '401': { kind: 'auth', message: 'DajiSaaS rejected the appKey or the sign: check the app key and secret' },
  '402': { kind: 'quota', message: 'the DajiSaaS account has no balance or calls left' },
  '403': {
    kind: 'auth',
    message: 'the DajiSaaS app may not call this API (extra languages need activation by DajiSaaS support)',
  },
  '404': { kind: 'not_found', message: 'DajiSaaS does not know this API path' },
  '429': { kind: 'rate_limited', message: 'DajiSaaS call limit exceeded' },
  '500': { kind: 'upstream', message: 'DajiSaaS had an internal error' },
  '502': { kind: 'upstream', message: 'DajiSaaS could not reach 1688' },
  '503': { kind: 'upstream', message: 'DajiSaaS is unavailable' },
};
