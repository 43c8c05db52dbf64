// `pnpm bench` (add-in part, issue 22 "The living workbook"): a 200-link =OFFERS sheet against the real proxy in
// demo mode (its PGlite store keeps what was paid for). First fill; then insert-row, sort and reopen
// recalculations, each after every cache TTL has expired (1 s here, the proxy's and the add-in's memory) —
// upstream calls must stay at 0; then one Refresh sheet through the pane's seam — exactly the distinct offers.
// Counted on the proxy's own counters. Exits 1 when a step costs other than it must, so a regression is visible.

import { cpus } from 'node:os';
import { runLivingWorkbook } from '../test/living-workbook.js';

const LINKS = Number(process.env.BENCH_LIVING_LINKS ?? 200);

// 200 links are one POST /v1/offers per recalculation; the per-client limit must not be what is measured.
const result = await runLivingWorkbook({
  links: LINKS,
  env: { YUANTOU_RATE_LIMIT_PER_MINUTE: '1000000' },
});

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(
  `=OFFERS over ${result.links} links (${result.distinctOffers} distinct offers), demo proxy, every cache TTL ${result.ttlSeconds} s`,
);
console.log('');
console.log('| step | proxy requests | upstream calls | must be | rows filled | time ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const s of result.steps) {
  console.log(
    `| ${s.step} | ${s.proxyRequests} | ${s.upstreamCalls} | ${s.expected} | ${s.filledRows} | ${s.ms.toFixed(0)} |`,
  );
}
const wrong = result.steps.filter((s) => s.upstreamCalls !== s.expected);
if (wrong.length > 0) {
  console.error(
    `\nFAILED: ${wrong.map((s) => `${s.step} paid ${s.upstreamCalls}, must be ${s.expected}`).join('; ')}`,
  );
  process.exit(1);
}
console.log(
  '\nevery step paid what it must: 0 on recalculation, the distinct offers on the fill and the refresh',
);
