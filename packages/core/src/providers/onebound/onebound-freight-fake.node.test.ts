import { checkFreightFee } from '../../testing/freight-fake-check.test-helper.js';

// Onebound: the freight estimate built by its adapter and answered by its fake, which checks the key, secret and
// MD5 `sign` on its own before the freight handler runs. The fee follows the fake's by-weight template, computed
// by hand below. Whether it is refused with wrong secrets: `../freight-fakes.node.test.ts`.

/** CNY for 10 pieces to 浙江, from the fake's template: 10 × 0.25 kg = 2.5 kg: 8 + 3 × 2 = 14. */
checkFreightFee('onebound', { path: '/1688/item_fee/', amountCny: 14 });
