import { checkFreightFee } from '../../testing/freight-fake-check.test-helper.js';

// TMAPI: the freight estimate built by its adapter and answered by its fake, which checks the `apiToken` on its
// own before the freight handler runs. Whether it is refused with wrong secrets: `../freight-fakes.node.test.ts`.

/** CNY for 10 pieces to 浙江, from the fake's template: 10 × 0.3 kg = 3 kg: 5 + 2 × 2 = 9. */
checkFreightFee('tmapi', { path: '/1688/item/shipping', amountCny: 9 });
