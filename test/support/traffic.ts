/**
 * Clients that keep calling a running service, signed as the plugin signs,
 * and keep a record of every answer: what was acknowledged, what was refused,
 * how long each took. Fault, soak and shutdown tests read that record.
 */
import { signedRequest } from './service.js';

export interface Outcome {
  kind: 'read' | 'write';
  status: number;
  code: string | null;
  ms: number;
  billId?: number;
  /** For a write: the value it asked for. */
  requested?: string;
  /** For an acknowledged write: the previous and new lettering, and whether it changed. */
  previous?: string;
  lettering?: string;
  changed?: boolean;
  /** The request never got an answer (connection refused or reset). */
  networkError?: boolean;
  message?: string;
}

export interface TrafficOptions {
  base: string;
  clients: number;
  /** Picks the next call of a client: a read path, or a write of a lettering to a bill. */
  next: (client: number, step: number) => { kind: 'read'; path: string } | { kind: 'write'; billId: number; lettering: string; expected?: string | null };
  language?: string;
  /** Upper bound for one request, so that a hang shows as a failure instead of blocking the test. */
  requestTimeoutMs?: number;
}

export interface Traffic {
  outcomes: Outcome[];
  /** Stops issuing new calls and waits for those in flight. */
  stop(): Promise<Outcome[]>;
}

export function startTraffic(options: TrafficOptions): Traffic {
  const outcomes: Outcome[] = [];
  let running = true;
  const language = options.language ?? 'en';

  async function one(client: number, step: number): Promise<void> {
    const call = options.next(client, step);
    const started = performance.now();
    const request =
      call.kind === 'read'
        ? signedRequest('GET', call.path, { language }, options.base)
        : signedRequest('PUT', `/v1/bills/${call.billId}/lettering`, { language, body: { lettering: call.lettering, expected: call.expected } }, options.base);
    try {
      const response = await fetch(request, { signal: AbortSignal.timeout(options.requestTimeoutMs ?? 30000) });
      const json = (await response.json().catch(() => null)) as any;
      const outcome: Outcome = {
        kind: call.kind,
        status: response.status,
        code: json?.error?.code ?? null,
        message: json?.error?.message,
        ms: performance.now() - started,
      };
      if (call.kind === 'write') {
        outcome.billId = call.billId;
        outcome.requested = call.lettering;
        if (response.status === 200) Object.assign(outcome, { previous: json.result.previous, lettering: json.result.lettering, changed: json.result.changed });
      }
      outcomes.push(outcome);
    } catch (error) {
      outcomes.push({ kind: call.kind, status: 0, code: null, ms: performance.now() - started, networkError: true, billId: call.kind === 'write' ? call.billId : undefined, requested: call.kind === 'write' ? call.lettering : undefined, message: String(error) });
      // Do not spin when the service is gone.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const loops = Array.from({ length: options.clients }, async (_, client) => {
    for (let step = 0; running; step++) await one(client, step);
  });

  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/** Counts outcomes by "status code" (e.g. "200", "409 LETTERING_DUPLICATE", "0 network"). */
export function summarize(outcomes: readonly Outcome[]): Record<string, number> {
  const summary: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key = outcome.networkError ? '0 network' : outcome.code ? `${outcome.status} ${outcome.code}` : String(outcome.status);
    summary[key] = (summary[key] ?? 0) + 1;
  }
  return summary;
}

/**
 * The value a bill must hold after a series of acknowledged changes made with
 * `expected` chaining: each change goes from `previous` to `lettering`, so the
 * changes of one bill form a trail from its first value, and the trail ends
 * at the one value entered once more than it was left (or where it started).
 */
export function finalValueOfTrail(initial: string, changes: ReadonlyArray<{ previous: string; lettering: string }>): string {
  const balance = new Map<string, number>();
  for (const change of changes) {
    balance.set(change.previous, (balance.get(change.previous) ?? 0) - 1);
    balance.set(change.lettering, (balance.get(change.lettering) ?? 0) + 1);
  }
  balance.set(initial, (balance.get(initial) ?? 0) + 1);
  const ends = [...balance].filter(([, n]) => n > 0);
  if (ends.length !== 1 || ends[0]![1] !== 1) throw new Error(`the acknowledged changes do not form one trail: ${JSON.stringify([...balance])}`);
  return ends[0]![0];
}
