/** One item's outcome in a batch: its result, or the error that item alone should answer with. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while a batch is being written wait and go together in the next
 * one, so the cost of a transaction (locks, round trips, the commit's flush) is paid once per batch
 * instead of once per item. Under light load a batch holds one item and waits for no timer.
 * One batch runs at a time; `run` answers one outcome per item, in order.
 */
export function createGroupCommit<I, O>(run: (items: readonly I[]) => Promise<Settled<O>[]>, maxBatch: number) {
  let queue: Waiting<I, O>[] = [];
  let busy = false;

  /**
   * Starts the next batch after the event loop has read the requests already waiting on their
   * sockets, so they join it rather than each waiting for a batch of its own.
   */
  function schedule() {
    if (busy || queue.length === 0) return;
    busy = true;
    setImmediate(() => void runBatch());
  }

  async function runBatch(): Promise<void> {
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      const outcomes = await run(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        const outcome = outcomes[i];
        if (!outcome) w.reject(new Error('group commit: no outcome for an item'));
        else if (outcome.ok) w.resolve(outcome.value);
        else w.reject(outcome.error);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
    busy = false;
    schedule();
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    /** Items waiting for the next batch (for metrics). */
    get waiting(): number {
      return queue.length;
    },
  };
}
