/**
 * The benchmark's results: one markdown table (stdout, and the README) and
 * the same figures as JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LatencySummary } from './stats.js';
import { round } from './stats.js';
import type { WriteRunResult } from './workload.js';

export interface CpuUse {
  /** CPU seconds used during the measured window by each process. */
  sidecar: number | null;
  database: number | null;
  benchClient: number;
  wallSeconds: number;
}

export interface ListCase {
  name: string;
  request: string;
  items: number;
  sidecar: LatencySummary & { failed: number; failure?: string };
  upstream: (LatencySummary & { sql: string; rows: number }) | null;
  speedup: number | null;
}

export interface BenchResults {
  meta: {
    date: string;
    commit: string;
    command: string;
    node: string;
    database: string;
    cpus: number;
    memoryGb: number;
    bufferPoolMb: number;
    flushLogAtTrxCommit: number;
    loadBefore: number[];
    loadAfter: number[];
    bills: number;
    statuses: Record<string, number>;
    letteredInvoices: number;
    seedSeconds: number | null;
    totalSeconds: number;
    indexes: { plugin: string[]; upstream: string[] };
    settings: Record<string, unknown>;
  };
  writes: {
    sidecar: WriteRunResult & { cpu: CpuUse };
    floor: WriteRunResult & { cpu: CpuUse };
    ratio: number;
    /** The same writes through a bare node:http service doing the floor's transaction. */
    httpFloor: WriteRunResult & { cpu: CpuUse; rssMb: number };
    httpFloorRatio: number;
    /** One writer alone, one lettering at a time. */
    sidecarOneWriter: LatencySummary;
    upstream: LatencySummary & { note: string };
  };
  lists: ListCase[];
  deepWalk: LatencySummary & { pages: number };
  counts: {
    sidecar: LatencySummary & { failed: number; failure?: string };
    upstream: LatencySummary & { queries: number };
    speedup: number;
    /** /v1/bills/counts?lettered=no (the worklist's badge); upstream has no such count. */
    unletteredSidecar: LatencySummary & { failed: number; failure?: string };
  };
  process: {
    /** How the sidecar was started. */
    started: string;
    readyMs: number[];
    liveMs: number[];
    rssIdleMb: number;
    rssEndOfWritesMb: number;
    rssPeakMb: number;
    rssEndMb: number;
    readiness: unknown;
  };
  targets: Array<{ metric: string; value: number; target: string; pass: boolean }>;
}

const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) : '—');
const pass = (ok: boolean) => (ok ? 'pass' : '**FAIL**');
const failedNote = (summary: { failed: number; failure?: string; n: number }) => (summary.failed > 0 ? ` (${summary.failed} of ${summary.n} ${summary.failure})` : '');
const times = (value: number | null) => (value === null || !Number.isFinite(value) ? '—' : value >= 100 ? `×${value.toFixed(0)}` : `×${value.toFixed(1)}`);

export function evaluateTargets(results: Omit<BenchResults, 'targets'>): BenchResults['targets'] {
  const targets: BenchResults['targets'] = [
    { metric: 'lettering writes / floor throughput', value: results.writes.ratio, target: '>= 0.70', pass: results.writes.ratio >= 0.7 },
    { metric: 'lettering write p99 (ms)', value: results.writes.sidecar.latency.p99, target: '<= 25', pass: results.writes.sidecar.latency.p99 <= 25 },
    {
      metric: 'lettering writes without error',
      value: results.writes.sidecar.outcomes.server_error + results.writes.sidecar.outcomes.unexpected,
      target: '0',
      pass: results.writes.sidecar.outcomes.server_error + results.writes.sidecar.outcomes.unexpected === 0,
    },
  ];
  for (const list of results.lists) {
    targets.push({ metric: `list p95 (ms): ${list.name}`, value: list.sidecar.p95, target: '<= 20', pass: list.sidecar.p95 <= 20 && list.sidecar.failed === 0 });
  }
  targets.push({ metric: 'deep walk p95 (ms), every page', value: results.deepWalk.p95, target: '<= 20', pass: results.deepWalk.p95 <= 20 });
  targets.push({ metric: 'counts p95 (ms)', value: results.counts.sidecar.p95, target: '<= 50', pass: results.counts.sidecar.p95 <= 50 });
  targets.push({
    metric: 'counts of unlettered p95 (ms)',
    value: results.counts.unletteredSidecar.p95,
    target: '<= 50',
    pass: results.counts.unletteredSidecar.p95 <= 50 && results.counts.unletteredSidecar.failed === 0,
  });
  targets.push({ metric: 'RSS under load (MB)', value: results.process.rssPeakMb, target: '<= 150', pass: results.process.rssPeakMb <= 150 });
  const slowestStart = Math.max(...results.process.readyMs);
  targets.push({ metric: 'start to ready (ms), slowest start', value: round(slowestStart, 0), target: '<= 1000', pass: slowestStart <= 1000 });
  return targets;
}

export function markdownTable(results: BenchResults): string {
  const { meta, writes, counts } = results;
  const target = (name: string) => results.targets.find((t) => t.metric === name);
  const lines: string[] = [];
  lines.push(
    `${meta.bills.toLocaleString('en')} bills (${meta.letteredInvoices.toLocaleString('en')} lettered invoices), ${meta.cpus} CPUs, ${meta.memoryGb} GB, ${meta.database}, ` +
      `InnoDB buffer pool ${meta.bufferPoolMb} MB, flush_log_at_trx_commit=${meta.flushLogAtTrxCommit}, Node ${meta.node}; ` +
      `load average ${meta.loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${meta.loadAfter.map((l) => l.toFixed(2)).join(' ')} after; commit ${meta.commit}.`,
  );
  lines.push('');
  lines.push('| Measure | Sidecar | Floor / upstream | Ratio / speed-up | Target | Result |');
  lines.push('|---|---|---|---|---|---|');
  const w = writes.sidecar;
  const f = writes.floor;
  lines.push(
    `| Lettering writes, ${w.clients} clients, pool ${meta.settings.pool} (writes/s) | ${w.throughput} | ${f.throughput} (floor: same statements, mysql2) | ${writes.ratio.toFixed(2)} | ≥ 0.70 | ${pass(writes.ratio >= 0.7)} |`,
  );
  lines.push(
    `| Lettering write latency p50 / p99 (ms) | ${ms(w.latency.p50)} / ${ms(w.latency.p99)} | ${ms(f.latency.p50)} / ${ms(f.latency.p99)} (floor) | | p99 ≤ 25 | ${pass(w.latency.p99 <= 25)} |`,
  );
  const h = writes.httpFloor;
  lines.push(
    `| Same writes through a bare node:http service doing the floor's transaction (writes/s, p50 / p99 ms) | — | ${h.throughput}, ${ms(h.latency.p50)} / ${ms(h.latency.p99)} (HTTP floor) | ${writes.httpFloorRatio.toFixed(2)} of floor | | |`,
  );
  lines.push(
    `| One lettering alone (one writer), p50 / p99 (ms) | ${ms(writes.sidecarOneWriter.p50)} / ${ms(writes.sidecarOneWriter.p99)} | ${ms(writes.upstream.p50)} / ${ms(writes.upstream.max)} (upstream: check without index + update, ${writes.upstream.n} runs) | ${times(writes.upstream.p50 / writes.sidecarOneWriter.p50)} | | |`,
  );
  const errors = w.outcomes.server_error + w.outcomes.unexpected;
  lines.push(
    `| Write outcomes: set+change+clear ok / duplicate refused / errors | ${w.outcomes.ok} / ${w.outcomes.duplicate} / ${errors} | ${f.outcomes.ok} / ${f.outcomes.duplicate} / ${f.outcomes.server_error + f.outcomes.unexpected} | | 0 errors | ${pass(errors === 0)} |`,
  );
  const per = (cpu: number | null, ops: number) => (cpu === null || ops === 0 ? '—' : ((cpu * 1000) / ops).toFixed(2));
  lines.push(
    `| CPU ms per write: service process / MariaDB / bench client | ${per(w.cpu.sidecar, w.operations)} / ${per(w.cpu.database, w.operations)} / ${per(w.cpu.benchClient, w.operations)} | floor: — / ${per(f.cpu.database, f.operations)} / ${per(f.cpu.benchClient, f.operations)}; HTTP floor: ${per(h.cpu.sidecar, h.operations)} / ${per(h.cpu.database, h.operations)} / ${per(h.cpu.benchClient, h.operations)} | | | |`,
  );
  for (const list of results.lists) {
    const up = list.upstream;
    lines.push(
      `| ${list.name}: p50 / p95 (ms) | ${ms(list.sidecar.p50)} / ${ms(list.sidecar.p95)}${failedNote(list.sidecar)} | ${up ? `${ms(up.p50)} / ${ms(up.p95)}` : '—'} | ${times(list.speedup)} | p95 ≤ 20 | ${pass(list.sidecar.p95 <= 20)} |`,
    );
  }
  lines.push(
    `| Walk of ${results.deepWalk.pages.toLocaleString('en')} pages by cursor (COMPLETE): p50 / p95 / max (ms) | ${ms(results.deepWalk.p50)} / ${ms(results.deepWalk.p95)} / ${ms(results.deepWalk.max)} | | | p95 ≤ 20 | ${pass(results.deepWalk.p95 <= 20)} |`,
  );
  lines.push(
    `| Counts per status for the tabs: p50 / p95 (ms) | ${ms(counts.sidecar.p50)} / ${ms(counts.sidecar.p95)}${failedNote(counts.sidecar)} | ${ms(counts.upstream.p50)} / ${ms(counts.upstream.p95)} (${counts.upstream.queries} COUNTs) | ${times(counts.speedup)} | p95 ≤ 50 | ${pass(counts.sidecar.p95 <= 50)} |`,
  );
  const u = counts.unletteredSidecar;
  lines.push(`| Counts per status of unlettered bills (worklist badge): p50 / p95 (ms) | ${ms(u.p50)} / ${ms(u.p95)}${failedNote(u)} | — (no such count upstream) | | p95 ≤ 50 | ${pass(u.p95 <= 50)} |`);
  const p = results.process;
  lines.push(`| Sidecar process: \`${p.started}\` | | | | | |`);
  lines.push(`| Sidecar RSS idle / end of write load / peak (MB) | ${p.rssIdleMb} / ${p.rssEndOfWritesMb} / ${p.rssPeakMb} | | | ≤ 150 under load | ${pass(p.rssPeakMb <= 150)} |`);
  const ready = target('start to ready (ms), slowest start');
  lines.push(`| Start to ready, ${p.readyMs.length} starts (ms) | ${p.readyMs.map((v) => v.toFixed(0)).join(' / ')} | | | ≤ 1000 | ${pass(ready?.pass ?? false)} |`);
  return lines.join('\n');
}

export function writeJson(path: string, results: BenchResults): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
