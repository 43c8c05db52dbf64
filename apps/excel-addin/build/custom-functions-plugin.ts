import path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import type { Plugin } from 'vite';
import { renderHelpPage } from './help-page.js';

// functions.json and the CustomFunctions.associate calls, both from the JSDoc in the functions source.
// custom-functions-metadata's CLI exits 0 even when it found errors, so we call the library and fail the build
// on `errors`; outside webpack (its CustomFunctionsMetadataPlugin) nobody emits the associate calls, so the
// virtual module below does (issue 6, "known traps").

export const ASSOCIATE_MODULE = 'virtual:custom-functions-associate';
const RESOLVED = `\0${ASSOCIATE_MODULE}`;

export interface CustomFunctionsMetadata {
  metadataJson: string;
  associate: { functionName: string; id: string }[];
}

export async function generateMetadata(sourceFile: string): Promise<CustomFunctionsMetadata> {
  const result = await generateCustomFunctionsMetadata(sourceFile);
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata found errors in ${sourceFile}:\n${result.errors.join('\n')}`);
  }
  if (!result.metadataJson) throw new Error(`no @customfunction found in ${sourceFile}`);
  return { ...result, metadataJson: withErrorInput(result.metadataJson) };
}

/**
 * `allowErrorForDataTypeAny: true`: Excel passes an error value in an `any` argument to the function instead of
 * failing the whole formula, so =OFFERS fails only the row of an error cell in its links range (issue 22; "A
 * custom function that receives an error value in a range is not called at all unless its metadata allows error
 * input"). Microsoft's functions.json sample sets it beside `allowCustomDataForDataTypeAny`; custom-functions-
 * metadata 2.2.3 has no JSDoc tag for it (its tags: cancelable, requiresAddress, volatile, streaming, …), so the
 * build adds it. Only `any` parameters are concerned (links and options); the functions read error values there
 * (cells/excel-cell.ts `inputErrorOf`).
 */
export function withErrorInput(metadataJson: string): string {
  const metadata = JSON.parse(metadataJson) as Record<string, unknown>;
  return JSON.stringify({ ...metadata, allowErrorForDataTypeAny: true }, null, 4);
}

/** `import { a, b } from '/abs/functions.ts'; CustomFunctions.associate('A', a); …`, guarded for preview mode. */
export function associateModule(sourceFile: string, associate: CustomFunctionsMetadata['associate']): string {
  const names = associate.map((a) => a.functionName).join(', ');
  const calls = associate.map(
    (a) => `  CustomFunctions.associate(${JSON.stringify(a.id)}, ${a.functionName});`,
  );
  return [
    `import { ${names} } from ${JSON.stringify(sourceFile)};`,
    `export const associatedIds = ${JSON.stringify(associate.map((a) => a.id))};`,
    `export function associateCustomFunctions() {`,
    `  if (typeof CustomFunctions === 'undefined') return false;`,
    ...calls,
    '  return true;',
    '}',
  ].join('\n');
}

/** The JSDoc's help links point at the development host; the build points them at `host` (ADDIN_HOST). */
export const HELP_HOST_IN_SOURCE = 'https://localhost:3000';

export function withHelpHost(metadataJson: string, host: string): string {
  const base = host.replace(/\/+$/, '');
  return metadataJson.replaceAll(`"${HELP_HOST_IN_SOURCE}/help.html`, `"${base}/help.html`);
}

export function customFunctionsPlugin(options: { source: string; host: string; readme: string }): Plugin {
  const sourceFile = path.resolve(options.source);
  let metadata: CustomFunctionsMetadata | undefined;
  const current = async () => {
    metadata = await generateMetadata(sourceFile);
    return metadata;
  };
  return {
    name: 'yuantou:custom-functions',
    async buildStart() {
      this.addWatchFile(sourceFile);
      try {
        await current();
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
    },
    resolveId: (id) => (id === ASSOCIATE_MODULE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { associate } = metadata ?? (await current());
      return associateModule(sourceFile.split(path.sep).join('/'), associate);
    },
    async generateBundle() {
      const { metadataJson } = metadata ?? (await current());
      this.emitFile({
        type: 'asset',
        fileName: 'functions.json',
        source: withHelpHost(metadataJson, options.host),
      });
      this.emitFile({ type: 'asset', fileName: 'help.html', source: renderHelpPage(options.readme) });
    },
    configureServer(server) {
      server.middlewares.use('/help.html', (_req, res) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(renderHelpPage(options.readme));
      });
      server.middlewares.use('/functions.json', (_req, res, next) => {
        current().then(
          ({ metadataJson }) => {
            res.setHeader('Content-Type', 'application/json');
            res.end(withHelpHost(metadataJson, options.host));
          },
          (error: unknown) => next(error),
        );
      });
      server.watcher.on('change', (file) => {
        if (path.resolve(file) === sourceFile) metadata = undefined;
      });
    },
  };
}
