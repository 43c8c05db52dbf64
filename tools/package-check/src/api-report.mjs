// The public API of each published package, as API Extractor reports it from the built .d.ts files, kept in
// `packages/<name>/api/<name>.api.md`. A change to an export shows up in that file's diff in review (and needs
// a changeset); the package-check test fails while a report is out of date.
//
//   pnpm api:update        rebuild core and signers, then rewrite both reports
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const PUBLISHED = ['signers', 'core'];
export const UPDATE_COMMAND = 'pnpm api:update';

/**
 * Runs API Extractor on one package's dist/index.d.ts. With `update`, rewrites the checked-in report;
 * otherwise only compares. Returns whether the checked-in report differs from the API, and the report path.
 */
export function apiReport(name, { update = false } = {}) {
  const projectFolder = path.join(root, 'packages', name);
  const temp = mkdtempSync(path.join(tmpdir(), `api-report-${name}-`));
  if (update) mkdirSync(path.join(projectFolder, 'api'), { recursive: true });
  try {
    const config = ExtractorConfig.prepare({
      configObjectFullPath: path.join(projectFolder, 'api-extractor.json'),
      packageJsonFullPath: path.join(projectFolder, 'package.json'),
      configObject: {
        projectFolder,
        mainEntryPointFilePath: '<projectFolder>/dist/index.d.ts',
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'ES2022',
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              lib: ['ES2024', 'DOM'],
              types: [],
              strict: true,
              skipLibCheck: true,
            },
            files: ['dist/index.d.ts'],
          },
        },
        apiReport: {
          enabled: true,
          reportFolder: '<projectFolder>/api/',
          reportTempFolder: temp,
          reportFileName: '<unscopedPackageName>.api.md',
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: 'lf',
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          extractorMessageReporting: {
            default: { logLevel: 'none' },
            // Listed in the report so an export without a doc comment is visible in review.
            'ae-undocumented': { logLevel: 'none', addToApiReportFile: true },
            'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
        },
      },
    });
    const result = Extractor.invoke(config, {
      localBuild: update,
      // When checking, the diff is printed; API Extractor's own advice ("copy the file…", "perform a local
      // build") is replaced by our message naming the command.
      printApiReportDiff: !update,
      messageCallback: (message) => {
        const keep = message.logLevel === 'error' || message.messageId === 'console-api-report-diff';
        if (!keep) message.handled = true;
      },
    });
    return {
      changed: result.apiReportChanged,
      errors: result.errorCount,
      report: path.relative(root, config.reportFilePath),
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes('--update');
  let failed = false;
  for (const name of PUBLISHED) {
    const { changed, errors, report } = apiReport(name, { update });
    if (errors > 0) failed = true;
    if (update) console.log(`${report}: ${changed ? 'updated' : 'unchanged'}`);
    else if (changed) {
      failed = true;
      console.error(`${report} is out of date: run \`${UPDATE_COMMAND}\` and commit it (with a changeset)`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
