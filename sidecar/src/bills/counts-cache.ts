/**
 * Tab counts, served from memory and refreshed behind the scenes.
 *
 * Counting a million bills by status reads the whole status index (about
 * 100 ms on a small server), too slow for every page view, and tabs do not
 * need to be exact to the second. So a count is computed once, then served
 * as it is while fresh, and served while a single background refresh runs
 * when it is older or when a lettering changed (which moves bills between
 * lettered and unlettered). Only counts older than MAX_AGE_MS make a request
 * wait for a new computation. Each answer says when it was computed.
 */

export interface CountsCacheOptions {
  /** Served without refreshing while younger than this. */
  freshMs?: number;
  /** Never served when older than this: the request waits for a new count. */
  maxAgeMs?: number;
  /** How many different filter combinations are remembered. */
  maxEntries?: number;
  now?: () => number;
  /** Told when a background refresh fails (the previous value keeps being served). */
  onRefreshError?: (error: unknown) => void;
}

interface Entry<T> {
  value?: T;
  computedAt: number;
  stale: boolean;
  pending?: Promise<{ value: T; computedAt: number }>;
}

export function createCountsCache<K, T>(compute: (key: K) => Promise<T>, options: CountsCacheOptions = {}) {
  const freshMs = options.freshMs ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 300_000;
  const maxEntries = options.maxEntries ?? 200;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();

  function refresh(key: K, entry: Entry<T>): Promise<{ value: T; computedAt: number }> {
    entry.pending ??= (async () => {
      const started = now();
      try {
        const value = await compute(key);
        entry.value = value;
        entry.computedAt = started;
        entry.stale = false;
        return { value, computedAt: started };
      } finally {
        entry.pending = undefined;
      }
    })();
    return entry.pending;
  }

  return {
    async get(key: K): Promise<{ value: T; computedAt: number }> {
      const id = JSON.stringify(key);
      let entry = entries.get(id);
      if (!entry) {
        entry = { computedAt: 0, stale: true };
        entries.set(id, entry);
        // Forget the least recently used combinations (Map keeps insertion order).
        while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      } else {
        entries.delete(id);
        entries.set(id, entry);
      }
      const age = now() - entry.computedAt;
      if (entry.value === undefined || age > maxAgeMs) return refresh(key, entry);
      if (entry.stale || age > freshMs) {
        refresh(key, entry).catch((error: unknown) => options.onRefreshError?.(error));
      }
      return { value: entry.value, computedAt: entry.computedAt };
    },

    /** Letterings changed: refresh every count on its next use, serving the current ones meanwhile. */
    markStale(): void {
      for (const entry of entries.values()) entry.stale = true;
    },
  };
}
