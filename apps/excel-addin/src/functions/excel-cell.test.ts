import { ProxyRequestError } from '@yuantou/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubCustomFunctions } from '../../test/custom-functions-global.js';
import { runInCell } from './excel-cell.js';

beforeEach(stubCustomFunctions);
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('runInCell', () => {
  it('aborts the search when Excel cancels the cell', async () => {
    const invocation: { onCanceled?: () => void } = {};
    let seen: AbortSignal | undefined;
    const cell = runInCell(
      invocation,
      () => 'http://proxy',
      (signal) => {
        seen = signal;
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      },
    );
    invocation.onCanceled?.();
    await expect(cell).rejects.toBeDefined();
    expect(seen?.aborted).toBe(true);
  });

  it('turns a proxy failure into a CustomFunctions.Error with code and message', async () => {
    const failure = new ProxyRequestError({
      kind: 'unreachable',
      message: 'fetch failed',
      url: 'http://proxy',
    });
    const cell = runInCell(
      {},
      () => 'http://10.0.0.5:8787',
      async () => {
        throw failure;
      },
    );
    await expect(cell).rejects.toMatchObject({
      code: '#N/A',
      message: 'Proxy not reachable at http://10.0.0.5:8787 — open the YUANTOU pane to set it',
    });
  });

  it('passes results through', async () => {
    expect(
      await runInCell(
        undefined,
        () => '',
        async () => [['ok']],
      ),
    ).toEqual([['ok']]);
  });
});
