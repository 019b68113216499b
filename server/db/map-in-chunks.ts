import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Maps `items` through `fn` `size` at a time, in order, letting the event loop through between chunks. On PGlite
 * (WASM on the main thread) a statement blocks the loop while it runs, and a chain of them, even in separate awaits,
 * never hands it back: only a macrotask turn lets sockets, timers and requests in. Inside an interactive transaction
 * this is safe: other queries wait for the transaction (PGlite's own lock, or another pooled connection).
 */
export async function mapInChunks<T, R>(items: readonly T[], size: number, fn: (chunk: T[]) => Promise<readonly R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await nextTurn();
    for (const result of await fn(items.slice(start, start + size))) results.push(result);
  }
  return results;
}
