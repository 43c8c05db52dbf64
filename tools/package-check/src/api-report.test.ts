import { describe, expect, it } from 'vitest';
import { apiReport, PUBLISHED, UPDATE_COMMAND } from './api-report.mjs';

// Every export of a published package is in its checked-in API report: an export added, removed or changed
// without refreshing the report (and so without it showing in review) fails here.
describe.each(PUBLISHED)('the @yuantou/%s API report', (name) => {
  it('matches the built .d.ts files', () => {
    const { changed, errors, report } = apiReport(name);
    expect(errors, 'API Extractor could not read the .d.ts files').toBe(0);
    expect(
      changed,
      `${report} is out of date: run \`${UPDATE_COMMAND}\` and commit it (with a changeset)`,
    ).toBe(false);
  }, 120_000);
});
