import type { ErrorTable } from '../response-body.js';

// PandaPon documents only `code:200` (seed 004); other codes follow HTTP. Seed 004 also says `timestamp` must be
// within 600 s of UTC, so a rejected signature may be clock skew as well as a wrong secret.
export const PANDAPON_ERRORS: ErrorTable = {
  '400': { kind: 'bad_request', message: 'PandaPon rejected a parameter' },
  '401': {
    kind: 'auth',
    message:
      'PandaPon rejected the access key or signature (check the secret and that the clock is within 600 s)',
  },
  '402': { kind: 'quota', message: 'the PandaPon account has no balance or calls left' },
  '403': { kind: 'auth', message: 'the PandaPon account may not call this API' },
  '404': { kind: 'not_found', message: 'PandaPon does not know this API path' },
  '429': { kind: 'rate_limited', message: 'PandaPon call limit exceeded' },
  '500': { kind: 'upstream', message: 'PandaPon had an internal error' },
  '502': { kind: 'upstream', message: 'PandaPon could not reach 1688' },
  '503': { kind: 'upstream', message: 'PandaPon is unavailable' },
};
