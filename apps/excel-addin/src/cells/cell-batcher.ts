// All cells of one family in one recalculation go out as one batch request (=OFFER and friends: one
// `POST /v1/offers`; =LANDED: one `POST /v1/landed-cost/batch`), so it lives here, below the families that share
// it. Microsoft's batching pattern
// (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-batching and the official sample
// OfficeDev/Office-Add-in-samples Excel-custom-functions/Batching): each call joins a queue and gets a promise,
// the first call schedules a flush, the flush sends the whole queue as one request and settles each promise
// from its own result. Excel delivers the invocations of one recalculation together, so a short window
// collects them. Where the sample falls short, this does not:
// - a failed request rejects every call waiting on it (the sample forgets them, and the cells stay #BUSY!);
// - a call cancelled before the flush leaves the queue and is not sent (Excel cancels on edit or recalc, and the
//   order of the cancel and the new call is not guaranteed);
// - identical calls share one entry, so a link asked by 5 cells is one ref in the request (the runtime puts the
//   QueryCache in front, which shares identical calls across recalculations too; the batcher still sends each
//   ref once per request);
// - a request already sent is aborted only when every call waiting on it has been cancelled;
// - each call is settled as soon as its own result arrives (issue 23: the proxy streams a batch one line per ref,
//   so a 200-link column fills progressively instead of all at the end), the rest when the request ends.

/** What the proxy says about one ref; `error` set means this item failed while the batch succeeded. */
export interface BatchItem {
  ref: string;
  error?: unknown;
}

/**
 * Sends one batch of distinct refs sharing `group` (e.g. the language); answers one item per ref, in order.
 * `onItem(index, item)` may be called as each item arrives (a streamed answer): its calls are settled at once.
 */
export type SendBatch<Group, Item extends BatchItem> = (
  refs: string[],
  group: Group,
  signal: AbortSignal,
  onItem: (index: number, item: Item) => void,
) => Promise<{ results: Item[] }>;

export interface CellBatcherOptions<Group, Item extends BatchItem> {
  send: SendBatch<Group, Item>;
  /** How many refs one request may carry (the proxy accepts 200); larger queues are split. */
  maxBatchSize: number;
  /** How long the first call waits for the rest of its recalculation (ms). */
  windowMs: number;
  /** One text per distinct group: calls with different options never share a request. */
  groupKey: (group: Group) => string;
  /** The error a per-item failure rejects with (its cell shows the message). */
  itemError: (item: Item) => Error;
  setTimer?: (run: () => void, ms: number) => unknown;
}

interface Call<Group, Item> {
  ref: string;
  group: Group;
  signal: AbortSignal | undefined;
  resolve: (item: Item) => void;
  reject: (error: unknown) => void;
}

export function cancelledError(): DOMException {
  return new DOMException('The lookup was cancelled.', 'AbortError');
}

export class CellBatcher<Group, Item extends BatchItem> {
  readonly #options: CellBatcherOptions<Group, Item>;
  #queue: Call<Group, Item>[] = [];
  #scheduled = false;
  #sent = 0;

  constructor(options: CellBatcherOptions<Group, Item>) {
    this.#options = options;
  }

  /** Requests sent so far. */
  get requestsSent(): number {
    return this.#sent;
  }

  /** Calls waiting for the next flush. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Resolves with this ref's item; rejects with `itemError(item)`, the request's error, or an AbortError. */
  get(ref: string, group: Group, signal?: AbortSignal): Promise<Item> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    return new Promise<Item>((resolve, reject) => {
      const call: Call<Group, Item> = { ref, group, signal, resolve, reject };
      this.#queue.push(call);
      // Cancelled before the flush: out of the queue, never sent. After it, the request's own signal decides.
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.#queue.indexOf(call);
          if (index === -1) return;
          this.#queue.splice(index, 1);
          reject(cancelledError());
        },
        { once: true },
      );
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    const setTimer = this.#options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    setTimer(() => this.flush(), this.#options.windowMs);
  }

  /** Sends everything queued now: one request per group, split at `maxBatchSize` distinct refs. */
  flush(): void {
    this.#scheduled = false;
    const queued = this.#queue;
    this.#queue = [];
    const byGroup = new Map<string, Map<string, Call<Group, Item>[]>>();
    for (const call of queued) {
      const groupKey = this.#options.groupKey(call.group);
      const refs = byGroup.get(groupKey) ?? new Map<string, Call<Group, Item>[]>();
      refs.set(call.ref, [...(refs.get(call.ref) ?? []), call]);
      byGroup.set(groupKey, refs);
    }
    for (const refs of byGroup.values()) {
      const entries = [...refs.values()];
      for (let start = 0; start < entries.length; start += this.#options.maxBatchSize) {
        void this.#send(entries.slice(start, start + this.#options.maxBatchSize));
      }
    }
  }

  /** One request; `entries` holds the calls per distinct ref, in request order. */
  async #send(entries: Call<Group, Item>[][]): Promise<void> {
    const controller = new AbortController();
    const calls = entries.flat();
    const live = new Set(calls);
    const settled = new Set<Call<Group, Item>>();
    // Once sent, a cancelled call stops waiting at once; the request is aborted when no call waits on it.
    for (const call of calls) {
      call.signal?.addEventListener(
        'abort',
        () => {
          if (settled.has(call)) return;
          live.delete(call);
          settled.add(call);
          call.reject(cancelledError());
          if (live.size === 0) controller.abort(cancelledError());
        },
        { once: true },
      );
    }
    const settle = (call: Call<Group, Item>, outcome: { item: Item } | { error: unknown }) => {
      if (settled.has(call)) return;
      settled.add(call);
      if ('item' in outcome) call.resolve(outcome.item);
      else call.reject(outcome.error);
    };
    /** The calls of the ref at `index` get `item` (or its error); a call already settled keeps its outcome. */
    const answerRef = (index: number, item: Item | undefined) => {
      const same = entries[index];
      if (!same) return;
      const ref = same[0]!.ref;
      const outcome =
        !item || item.ref !== ref
          ? { error: new Error(`the proxy's answer has no result for "${ref}"`) }
          : item.error
            ? { error: this.#options.itemError(item) }
            : { item };
      for (const call of same) settle(call, outcome);
    };
    this.#sent += 1;
    try {
      const first = entries[0]![0]!;
      const answer = await this.#options.send(
        entries.map((e) => e[0]!.ref),
        first.group,
        controller.signal,
        (index, item) => answerRef(index, item),
      );
      for (const index of entries.keys()) answerRef(index, answer.results[index]);
    } catch (error) {
      // A failed request fails every call still waiting on it (no cell may stay #BUSY!); those already
      // answered by their line keep their value.
      for (const call of calls) settle(call, { error });
    }
  }
}
