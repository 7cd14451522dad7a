/**
 * The lettering write load, identical for the sidecar (over HTTP) and for the
 * database floor (the same statements straight through mysql2): N writers
 * in closed loop, each on its own bills with its own deterministic random
 * stream, so both runs issue the same operations in the same order.
 *
 * Mix: 30 % set a new reference on an unlettered invoice, 25 % change the
 * reference of a lettered one, 25 % clear one, 20 % set a reference another
 * bill holds (must be refused as a duplicate). New references are unique
 * (writer and counter), so set and change always succeed.
 */
import type { WriteSet } from './database.js';
import { prng, summarize, type LatencySummary } from './stats.js';

export type OperationKind = 'set' | 'change' | 'clear' | 'duplicate';

export interface Operation {
  kind: OperationKind;
  billId: number;
  /** New value ('' for clear). */
  lettering: string;
  /** What the bill holds now (sent as `expected`). */
  expected: string;
}

/** What the executor saw: the expected outcome, or something else. */
export type Outcome = 'ok' | 'duplicate' | 'server_error' | 'unexpected';

export type Executor = (operation: Operation) => Promise<{ outcome: Outcome; detail?: string }>;

class Writer {
  private readonly random: () => number;
  private readonly lettered: Array<{ id: number; lettering: string }> = [];
  private readonly unlettered: number[] = [];
  private counter = 0;

  constructor(
    private readonly index: number,
    bills: ReadonlyArray<{ id: number; lettering: string }>,
    private readonly held: readonly string[],
  ) {
    this.random = prng(0x5eed + index * 7919);
    for (const bill of bills) {
      if (bill.lettering === '') this.unlettered.push(bill.id);
      else this.lettered.push({ ...bill });
    }
  }

  private newReference(): string {
    this.counter += 1;
    return `BX-${String(this.index).padStart(2, '0')}-${String(this.counter).padStart(6, '0')}`;
  }

  private take<T>(list: T[]): T {
    const at = Math.floor(this.random() * list.length);
    const item = list[at]!;
    list[at] = list[list.length - 1]!;
    list.pop();
    return item;
  }

  next(): Operation {
    const roll = this.random();
    let kind: OperationKind = roll < 0.3 ? 'set' : roll < 0.55 ? 'change' : roll < 0.8 ? 'clear' : 'duplicate';
    if (kind === 'set' && this.unlettered.length === 0) kind = 'change';
    if ((kind === 'change' || kind === 'clear') && this.lettered.length === 0) kind = 'set';
    switch (kind) {
      case 'set': {
        const id = this.take(this.unlettered);
        const lettering = this.newReference();
        this.lettered.push({ id, lettering });
        return { kind, billId: id, lettering, expected: '' };
      }
      case 'change': {
        const bill = this.take(this.lettered);
        const lettering = this.newReference();
        this.lettered.push({ id: bill.id, lettering });
        return { kind, billId: bill.id, lettering, expected: bill.lettering };
      }
      case 'clear': {
        const bill = this.take(this.lettered);
        this.unlettered.push(bill.id);
        return { kind, billId: bill.id, lettering: '', expected: bill.lettering };
      }
      case 'duplicate': {
        const pool = this.random() < 0.5 && this.lettered.length > 0 ? 'lettered' : 'unlettered';
        const held = this.held[Math.floor(this.random() * this.held.length)]!;
        if (pool === 'lettered' || this.unlettered.length === 0) {
          const bill = this.lettered[Math.floor(this.random() * this.lettered.length)]!;
          return { kind, billId: bill.id, lettering: held, expected: bill.lettering };
        }
        const id = this.unlettered[Math.floor(this.random() * this.unlettered.length)]!;
        return { kind, billId: id, lettering: held, expected: '' };
      }
    }
  }
}

export interface WriteRunResult {
  clients: number;
  seconds: number;
  operations: number;
  throughput: number;
  latency: LatencySummary;
  byKind: Record<OperationKind, { count: number; p50: number; p99: number }>;
  outcomes: Record<Outcome, number>;
  errors: string[];
}

/**
 * Runs the writers for warmup + measured seconds; only operations that start
 * after the warmup count.
 */
export async function runWriteLoad(
  writeSet: WriteSet,
  execute: Executor,
  options: {
    warmupSeconds: number;
    seconds: number;
    onTick?: (elapsedSeconds: number) => void;
    /** Called when the measured window opens and when it closes (for CPU and memory readings). */
    onWindow?: (edge: 'start' | 'end') => void;
  },
): Promise<WriteRunResult> {
  const writers = writeSet.perClient.map((bills, index) => new Writer(index, bills, writeSet.heldReferences));
  const start = performance.now();
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  const latencies: number[] = [];
  const byKind: Record<OperationKind, number[]> = { set: [], change: [], clear: [], duplicate: [] };
  const outcomes: Record<Outcome, number> = { ok: 0, duplicate: 0, server_error: 0, unexpected: 0 };
  const errors: string[] = [];
  let lastTick = 0;
  const windowStart = setTimeout(() => options.onWindow?.('start'), measureFrom - start);
  const windowEnd = setTimeout(() => options.onWindow?.('end'), end - start);

  await Promise.all(
    writers.map(async (writer) => {
      while (performance.now() < end) {
        const operation = writer.next();
        const began = performance.now();
        const result = await execute(operation);
        const finished = performance.now();
        const expected: Outcome = operation.kind === 'duplicate' ? 'duplicate' : 'ok';
        const outcome = result.outcome === expected ? expected : result.outcome === 'server_error' ? 'server_error' : 'unexpected';
        if (outcome !== expected && errors.length < 20) errors.push(`${operation.kind} #${operation.billId}: ${result.detail ?? result.outcome}`);
        if (began >= measureFrom) {
          latencies.push(finished - began);
          byKind[operation.kind].push(finished - began);
          outcomes[outcome] += 1;
        }
        const elapsed = Math.floor((finished - start) / 5000);
        if (elapsed > lastTick) {
          lastTick = elapsed;
          options.onTick?.(elapsed * 5);
        }
      }
    }),
  );
  clearTimeout(windowStart);
  clearTimeout(windowEnd);
  const summaryByKind = Object.fromEntries(
    Object.entries(byKind).map(([kind, values]) => {
      const summary = summarize(values);
      return [kind, { count: values.length, p50: summary.p50, p99: summary.p99 }];
    }),
  ) as WriteRunResult['byKind'];
  return {
    clients: writers.length,
    seconds: options.seconds,
    operations: latencies.length,
    throughput: Math.round(latencies.length / options.seconds),
    latency: summarize(latencies),
    byKind: summaryByKind,
    outcomes,
    errors,
  };
}
