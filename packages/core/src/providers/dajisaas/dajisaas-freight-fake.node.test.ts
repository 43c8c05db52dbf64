import { checkFreightFee } from '../../testing/freight-fake-check.test-helper.js';

// DajiSaaS: the freight estimate built by its adapter and answered by its fake, which checks the `appKey` and
// MD5 `sign` on its own before the freight handler runs. The fee follows the fake's by-weight template, computed
// by hand below. Whether it is refused with wrong secrets: `../freight-fakes.node.test.ts`.

/** CNY for 10 pieces to 浙江, from the fake's template: 10 × 0.4 kg = 4 kg: 4 + 1 × 3 = 7. */
checkFreightFee('dajisaas', { path: '/alibaba/product/freightEstimate', amountCny: 7 });
