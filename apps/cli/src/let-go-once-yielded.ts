/**
 * Yields the items in order, clearing each slot of the array as it is yielded, so the array holds
 * none already taken: `migrate plan` hands its files to `writePlanDirectory` this way, and each
 * manifest can be collected once written.
 */
export function* letGoOnceYielded<T>(items: (T | undefined)[]): Generator<T> {
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as T;
    items[index] = undefined;
    yield item;
  }
}
