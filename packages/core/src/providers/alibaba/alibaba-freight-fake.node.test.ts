import { checkFreightFee } from '../../testing/freight-fake-check.test-helper.js';
import { alibabaPath } from './alibaba-fake.js';

// The official platform (alibaba): the freight estimate built by its adapter and answered by its fake, which
// checks the `_aop_signature` and `access_token` on its own before the freight handler runs. The fee follows the
// fake's by-weight template, computed by hand below. Whether it is refused with wrong secrets: `../freight-fakes.node.test.ts`.

/** CNY for 10 pieces to 浙江, from the fake's template: 10 × 0.35 kg = 3.5 kg: 6 + 2 × 3 = 12. */
checkFreightFee('alibaba', {
  path: alibabaPath('product.freight.estimate').replace('/openapi', ''),
  amountCny: 12,
});
