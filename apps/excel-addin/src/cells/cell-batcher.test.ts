import { describe, expect, it } from 'vitest';
import { CellBatcher } from './cell-batcher.js';

interface Item {
  ref: string;
  value?: string;
  error?: { message: string };
}

interface Sent {
  refs: string[];
  group: string;
  signal: AbortSignal;
  answer: (results: Item[]) => void;
  fail: (error: unknown) => void;
  /** One streamed line: the item for the ref at `index`, before the request ends. */
  line: (index: number, item: Item) => void;
}

/** A batcher whose timer and transport the test drives by hand. */
function harness(maxBatchSize = 200) {
  const sent: Sent[] = [];
  let timer: (() => void) | undefined;
  const batcher = new CellBatcher<string, Item>({
    maxBatchSize,
    windowMs: 50,
    groupKey: (group) => group,
    itemError: (item) => new Error(item.error!.message),
    setTimer: (run) => {
      timer = run;
    },
    send: (refs, group, signal, onItem) =>
      new Promise((resolve, reject) => {
        sent.push({
          refs,
          group,
          signal,
          answer: (results) => resolve({ results }),
          fail: reject,
          line: onItem,
        });
      }),
  });
  const flush = () => {
    const run = timer;
    timer = undefined;
    run?.();
  };
  return { batcher, sent, flush, scheduled: () => timer !== undefined };
}

const echo = (refs: string[]): Item[] => refs.map((ref) => ({ ref, value: `offer ${ref}` }));

describe('CellBatcher', () => {
  it('sends every call of one window as one request, each ref once, and answers each call by its ref', async () => {
    const { batcher, sent, flush } = harness();
    const calls = ['1', '2', '1', '3', '2', '1'].map((ref) => batcher.get(ref, 'en'));
    expect(sent).toHaveLength(0);
    flush();
    expect(sent.map((s) => s.refs)).toEqual([['1', '2', '3']]);
    sent[0]!.answer(echo(sent[0]!.refs));
    expect((await Promise.all(calls)).map((i) => i.value)).toEqual([
      'offer 1',
      'offer 2',
      'offer 1',
      'offer 3',
      'offer 2',
      'offer 1',
    ]);
    expect(batcher.requestsSent).toBe(1);
  });

  it('sends one request per group and splits a group above the size limit', () => {
    const { batcher, sent, flush } = harness(2);
    for (const ref of ['a', 'b', 'c']) void batcher.get(ref, 'en');
    void batcher.get('a', 'ru');
    flush();
    expect(sent.map((s) => [s.group, s.refs])).toEqual([
      ['en', ['a', 'b']],
      ['en', ['c']],
      ['ru', ['a']],
    ]);
  });

  it('a failed request rejects every call waiting on it', async () => {
    const { batcher, sent, flush } = harness();
    const calls = ['1', '2', '2'].map((ref) => batcher.get(ref, 'en'));
    flush();
    sent[0]!.fail(new Error('proxy down'));
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(outcomes.map((o) => (o as PromiseRejectedResult).reason.message)).toEqual([
      'proxy down',
      'proxy down',
      'proxy down',
    ]);
  });

  it('a per-item error rejects only that ref; a missing or misplaced result rejects its call', async () => {
    const { batcher, sent, flush } = harness();
    const calls = ['1', '2', '3', '4'].map((ref) => batcher.get(ref, 'en'));
    flush();
    sent[0]!.answer([
      { ref: '1', value: 'ok' },
      { ref: '2', error: { message: 'offer 2 not found' } },
      { ref: 'x', value: 'wrong place' },
    ]);
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: { ref: '1', value: 'ok' } });
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('offer 2 not found');
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toMatch(/no result for "3"/);
    expect((outcomes[3] as PromiseRejectedResult).reason.message).toMatch(/no result for "4"/);
  });

  it('a call cancelled before the flush leaves the queue and is not sent', async () => {
    const { batcher, sent, flush } = harness();
    const cancel = new AbortController();
    const cancelled = batcher.get('gone', 'en', cancel.signal);
    const kept = batcher.get('kept', 'en');
    cancel.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(batcher.queued).toBe(1);
    flush();
    expect(sent.map((s) => s.refs)).toEqual([['kept']]);
    sent[0]!.answer(echo(['kept']));
    await expect(kept).resolves.toMatchObject({ value: 'offer kept' });
  });

  it('when every call of the window is cancelled, nothing is sent', () => {
    const { batcher, sent, flush } = harness();
    const cancel = new AbortController();
    void batcher.get('1', 'en', cancel.signal).catch(() => {});
    void batcher.get('2', 'en', cancel.signal).catch(() => {});
    cancel.abort();
    flush();
    expect(sent).toHaveLength(0);
    expect(batcher.requestsSent).toBe(0);
  });

  it('a sent request is aborted only once every call waiting on it is cancelled', async () => {
    const { batcher, sent, flush } = harness();
    const a = new AbortController();
    const b = new AbortController();
    const first = batcher.get('1', 'en', a.signal);
    const second = batcher.get('1', 'en', b.signal);
    flush();
    a.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent[0]!.signal.aborted).toBe(false);
    b.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent[0]!.signal.aborted).toBe(true);
  });

  it('calls after a flush start a new window', () => {
    const { batcher, sent, flush, scheduled } = harness();
    void batcher.get('1', 'en');
    flush();
    expect(scheduled()).toBe(false);
    void batcher.get('2', 'en');
    expect(scheduled()).toBe(true);
    flush();
    expect(sent.map((s) => s.refs)).toEqual([['1'], ['2']]);
  });

  it('an already-cancelled call rejects at once and schedules nothing', async () => {
    const { batcher, scheduled } = harness();
    await expect(batcher.get('1', 'en', AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(scheduled()).toBe(false);
  });

  describe('a streamed answer', () => {
    /** Which of `calls` have settled so far (after pending microtasks ran). */
    async function settledOf(calls: Promise<Item>[]): Promise<boolean[]> {
      const settled = calls.map(() => false);
      const mark = (i: number) => () => {
        settled[i] = true;
      };
      for (const [i, call] of calls.entries()) call.then(mark(i), mark(i));
      await new Promise((resolve) => setTimeout(resolve, 0));
      return settled;
    }

    it('resolves each waiting cell on its own line, before the request ends', async () => {
      const { batcher, sent, flush } = harness();
      const refs = Array.from({ length: 200 }, (_, i) => String(i));
      const calls = refs.map((ref) => batcher.get(ref, 'en'));
      // A cell asked twice waits on the same line.
      const twice = batcher.get('7', 'en');
      flush();
      const request = sent[0]!;
      request.line(7, { ref: '7', value: 'offer 7' });
      request.line(150, { ref: '150', value: 'offer 150' });
      const settled = await settledOf([...calls, twice]);
      expect(settled.filter(Boolean)).toHaveLength(3);
      expect(settled[7] && settled[150] && settled[200]).toBe(true);
      expect(await calls[7]).toMatchObject({ value: 'offer 7' });
      expect(await twice).toMatchObject({ value: 'offer 7' });
      // The column keeps filling line by line; the request's end settles nothing twice.
      for (const [index, ref] of refs.entries()) request.line(index, { ref, value: `offer ${ref}` });
      expect((await settledOf(calls)).every(Boolean)).toBe(true);
      request.answer(echo(refs).map((item) => ({ ...item, value: 'from the end' })));
      expect((await calls[7]!).value).toBe('offer 7');
    });

    it('a line with an error rejects only its cell; a failed request rejects only the cells still waiting', async () => {
      const { batcher, sent, flush } = harness();
      const [a, b, c] = ['a', 'b', 'c'].map((ref) => batcher.get(ref, 'en'));
      flush();
      sent[0]!.line(0, { ref: 'a', value: 'offer a' });
      sent[0]!.line(1, { ref: 'b', error: { message: 'offer b: deadline passed — ask again' } });
      sent[0]!.fail(new Error('stream cut'));
      await expect(a).resolves.toMatchObject({ value: 'offer a' });
      await expect(b).rejects.toThrow('deadline passed');
      await expect(c).rejects.toThrow('stream cut');
    });

    it('a line for another ref than the one at its index is no answer for that cell', async () => {
      const { batcher, sent, flush } = harness();
      const call = batcher.get('a', 'en');
      flush();
      sent[0]!.line(0, { ref: 'zzz', value: 'offer zzz' });
      await expect(call).rejects.toThrow('no result for "a"');
    });
  });
});
