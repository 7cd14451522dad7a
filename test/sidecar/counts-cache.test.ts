import { describe, expect, it } from 'vitest';
import { createCountsCache } from '../../sidecar/src/bills/counts-cache.js';

function setup(options: { freshMs?: number; maxAgeMs?: number; maxEntries?: number } = {}) {
  let clock = 1_000_000;
  const calls: string[] = [];
  let release: (() => void) | null = null;
  let slow = false;
  let fail = false;
  let counter = 0;
  const cache = createCountsCache(
    async (key: { shop?: number }) => {
      calls.push(JSON.stringify(key));
      if (slow) await new Promise<void>((resolve) => (release = resolve));
      if (fail) throw new Error('database down');
      return { COMPLETE: ++counter };
    },
    { ...options, now: () => clock, onRefreshError: () => undefined },
  );
  return {
    cache,
    calls,
    tick: (ms: number) => (clock += ms),
    slow: (on: boolean) => (slow = on),
    fail: (on: boolean) => (fail = on),
    release: () => release?.(),
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };
}

describe('tab counts cache', () => {
  it('computes once, then serves from memory while fresh', async () => {
    const t = setup({ freshMs: 10_000 });
    expect((await t.cache.get({ shop: 1 })).value).toEqual({ COMPLETE: 1 });
    t.tick(5_000);
    expect((await t.cache.get({ shop: 1 })).value).toEqual({ COMPLETE: 1 });
    expect(t.calls).toHaveLength(1);
  });

  it('serves an old count while one background refresh runs, then the new one', async () => {
    const t = setup({ freshMs: 10_000 });
    await t.cache.get({});
    t.tick(11_000);
    t.slow(true);
    const during = await Promise.all([t.cache.get({}), t.cache.get({}), t.cache.get({})]);
    expect(during.map((d) => d.value.COMPLETE)).toEqual([1, 1, 1]);
    expect(t.calls).toHaveLength(2);
    t.release();
    await t.settle();
    expect((await t.cache.get({})).value).toEqual({ COMPLETE: 2 });
  });

  it('refreshes after a lettering changed, without making anyone wait', async () => {
    const t = setup();
    await t.cache.get({ shop: 1 });
    t.cache.markStale();
    expect((await t.cache.get({ shop: 1 })).value.COMPLETE).toBe(1);
    await t.settle();
    expect((await t.cache.get({ shop: 1 })).value.COMPLETE).toBe(2);
  });

  it('makes a request wait when the count is too old to show', async () => {
    const t = setup({ maxAgeMs: 60_000 });
    await t.cache.get({});
    t.tick(61_000);
    expect((await t.cache.get({})).value.COMPLETE).toBe(2);
  });

  it('keeps serving the last count when a refresh fails, and fails a first computation', async () => {
    const t = setup({ freshMs: 1 });
    await t.cache.get({});
    t.tick(10);
    t.fail(true);
    expect((await t.cache.get({})).value.COMPLETE).toBe(1);
    await t.settle();
    expect((await t.cache.get({})).value.COMPLETE).toBe(1);
    await expect(t.cache.get({ shop: 9 })).rejects.toThrow('database down');
  });

  it('keeps each filter combination apart and forgets the least used beyond its size', async () => {
    const t = setup({ maxEntries: 2 });
    await t.cache.get({ shop: 1 });
    await t.cache.get({ shop: 2 });
    await t.cache.get({ shop: 1 });
    await t.cache.get({ shop: 3 });
    await t.cache.get({ shop: 1 });
    await t.cache.get({ shop: 2 });
    expect(t.calls).toEqual(['{"shop":1}', '{"shop":2}', '{"shop":3}', '{"shop":2}']);
  });
});
