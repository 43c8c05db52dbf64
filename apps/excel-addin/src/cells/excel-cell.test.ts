import { ProxyRequestError } from '@yuantou/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubCustomFunctions } from '../../test/custom-functions-global.js';
import { runInCell, VALUE_PREVIEW } from './excel-cell.js';

const at = (proxyUrl: string) => () => ({ proxyUrl, timeoutSeconds: 40 });

beforeEach(stubCustomFunctions);
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('runInCell', () => {
  it('aborts the search when Excel cancels the cell', async () => {
    const invocation: { onCanceled?: () => void } = {};
    let seen: AbortSignal | undefined;
    const cell = runInCell(invocation, at('http://proxy'), (signal) => {
      seen = signal;
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    });
    invocation.onCanceled?.();
    // Not "unexpected error: The search was cancelled.": a cancelled cell is not a failure.
    await expect(cell).rejects.toMatchObject({ code: '#N/A', message: 'cancelled' });
    expect(seen?.aborted).toBe(true);
  });

  it('makes no call while Excel previews the formula being typed', async () => {
    let calls = 0;
    const search = async () => {
      calls += 1;
      return [['rows']];
    };
    expect(await runInCell({ isInValuePreview: true }, at('http://proxy'), search)).toEqual(VALUE_PREVIEW);
    expect(await runInCell({ isInValuePreview: 'true' }, at('http://proxy'), search)).toEqual(VALUE_PREVIEW);
    expect(await runInCell({ isInValuePreview: false }, at('http://proxy'), search)).toEqual([['rows']]);
    expect(calls).toBe(1);
  });

  it('falls back to a plain Error (#VALUE!) where the host lacks CustomFunctionsRuntime 1.2', async () => {
    vi.stubGlobal('Office', { context: { requirements: { isSetSupported: () => false } } });
    const cell = runInCell({}, at('http://proxy'), async () => {
      throw new Error('boom');
    });
    await expect(cell).rejects.toSatisfy((e) => e instanceof Error && !('code' in e));
  });

  it('turns a proxy failure into a CustomFunctions.Error with code and message', async () => {
    const failure = new ProxyRequestError({
      kind: 'unreachable',
      message: 'fetch failed',
      url: 'http://proxy',
    });
    const cell = runInCell({}, at('http://10.0.0.5:8787'), async () => {
      throw failure;
    });
    await expect(cell).rejects.toMatchObject({
      code: '#N/A',
      message:
        'Proxy not reachable at http://10.0.0.5:8787 — open yuantou → Settings to check the URL and that the proxy runs; if it does, allow local network access in your browser',
    });
  });

  it('passes results through', async () => {
    expect(await runInCell(undefined, at(''), async () => [['ok']])).toEqual([['ok']]);
  });
});
