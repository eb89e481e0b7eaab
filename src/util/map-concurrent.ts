import pLimit from 'p-limit';

/**
 * `Promise.all(items.map(task))` with at most `limit` tasks running at once; results keep the
 * items' order. After a task fails the queue is dropped, and the first failure is thrown once
 * the running tasks have settled, so that callers' cleanup (closing a worker pool, removing a
 * work folder) never races a task still using it. p-limit's own `map` rejects at once and starts
 * the rest anyway, hence this wrapper.
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Expected a concurrency limit of 1 or more, got ${limit}`);
  const run = pLimit({ concurrency: limit, rejectOnClear: true });
  let failure: { readonly error: unknown } | undefined;
  const settled = await Promise.allSettled(
    items.map((item, index) =>
      run(task, item, index).catch((error: unknown) => {
        if (!failure) {
          failure = { error };
          run.clearQueue();
        }
        throw error;
      }),
    ),
  );
  if (failure) throw failure.error;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<R>).value);
}
