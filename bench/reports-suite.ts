import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createScratchDatabase } from '@/scripts/test-helpers/scratch-database';
import { startListeningProcess, type ListeningProcess } from '@/scripts/test-helpers/node-process';
import { createAccounts } from '@/server/auth/accounts';
import { openStore, type Store } from '@/server/store';
import { readConferences, readDailyReport } from '@/server/store/reports';
import { assertChromium } from './browser-suite';
import { ensureWebBuild } from './browser-stack';
import { CHROMIUM_LAUNCH } from '@/e2e/support/chromium';
import { timePages } from './reports-page';
import { timeDailyReport } from './reports-query';
import { seedBothStores } from './reports-seed';
import type { ReportsResult } from './results';

export type ReportsSuiteOptions = {
  days: number;
  conferencesPerDay: number;
  /** Timed reads of the daily report on each store. */
  queryRepeats: number;
  /** Timed loads of the page and of a replay. */
  pageRuns: number;
  adminDatabaseUrl: string;
  log: (line: string) => void;
};

/**
 * Reports on a large history: `days` × `conferencesPerDay` seeded into SQLite and PostgreSQL
 * alike, then the daily report over the whole range on both (unfiltered, which reads the
 * quarter-hour roll-ups, and for a scoped caller, which reads the calls), the /reports page's
 * time to draw every chart in Chromium, and a replay's time to draw its graph.
 */
export async function runReportsSuite(o: ReportsSuiteOptions): Promise<ReportsResult> {
  assertChromium(CHROMIUM_LAUNCH.executablePath);
  await ensureWebBuild(o.log);
  const dataDir = mkdtempSync(join(tmpdir(), 'confwatch-bench-reports-'));
  const scratch = await createScratchDatabase(o.adminDatabaseUrl, 'confwatch_bench_reports');
  const stores: Store[] = [];
  try {
    const sqlite = await openStore({ kind: 'sqlite', dataDir });
    stores.push(sqlite);
    const postgres = await openStore({ kind: 'postgres', databaseUrl: scratch.url });
    stores.push(postgres);
    const seedStarted = performance.now();
    const seeded = await seedBothStores(sqlite, postgres, { ...o, now: Date.now() });
    const seedSeconds = Math.round((performance.now() - seedStarted) / 1000);
    const range = { from: seeded.from, to: seeded.to, tz: 'UTC' };
    const totals = (await readDailyReport(sqlite, range, 'all')).totals;
    o.log(`reports: seeded ${totals.calls} calls, ${totals.conferences} conferences in ${seedSeconds} s`);

    // A scoped manager: one queue of the seed's, read from the calls rather than the roll-ups.
    const scope = { queues: ['Billing'] };
    const time = (store: Store, scoped: boolean) =>
      timeDailyReport(store, range, scoped ? scope : 'all', o.queryRepeats);
    const sqliteDaily = await time(sqlite, false);
    const postgresDaily = await time(postgres, false);
    const sqliteScoped = await time(sqlite, true);
    const postgresScoped = await time(postgres, true);
    o.log(
      `reports: daily over ${o.days} days: SQLite ${sqliteDaily.medianMs} ms, PostgreSQL ${postgresDaily.medianMs} ms (median of ${o.queryRepeats})`,
    );

    const busiest = await busiestConference(sqlite, seeded.to);
    const token = (await createAccounts(sqlite).createToken({ role: 'manager', createdBy: 'bench' })).token;
    for (const store of stores.splice(0)) await store.close();
    const pages = await withServers(dataDir, (webUrl) =>
      timePages({
        webUrl,
        token,
        reportsPath: `/reports?from=${range.from}&to=${range.to}&tz=UTC`,
        replayPath: `/conferences/${encodeURIComponent(busiest)}/replay`,
        runs: o.pageRuns,
      }),
    );
    o.log(`reports: page charts ${pages.chartsMs} ms, replay ${pages.replayMs} ms (median of ${o.pageRuns})`);
    return {
      days: o.days,
      calls: totals.calls,
      conferences: totals.conferences,
      conferencesPerDay: Math.round(totals.conferences / o.days),
      seedSeconds,
      sqliteDailyMs: sqliteDaily.medianMs,
      sqliteDailyP95Ms: sqliteDaily.p95Ms,
      postgresDailyMs: postgresDaily.medianMs,
      postgresDailyP95Ms: postgresDaily.p95Ms,
      sqliteScopedDailyMs: sqliteScoped.medianMs,
      postgresScopedDailyMs: postgresScoped.medianMs,
      queryRepeats: o.queryRepeats,
      pageChartsMs: pages.chartsMs,
      replayLoadMs: pages.replayMs,
      pageRuns: pages.runs,
    };
  } finally {
    for (const store of stores) await store.close();
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The largest conference of a day: the replay with the most to draw. */
async function busiestConference(store: Store, day: string): Promise<string> {
  const page = await readConferences(store, { date: day, tz: 'UTC', size: 6, limit: 200 }, 'all');
  const any =
    page.conferences.length > 0
      ? page
      : await readConferences(store, { date: day, tz: 'UTC', limit: 200 }, 'all');
  const best = [...any.conferences].sort((a, b) => b.partiesAdded - a.partiesAdded)[0];
  if (!best) throw new Error(`no conference on ${day} to replay`);
  return best.id;
}

/** The sidecar on the seeded data and the production web server in front of it, for `use`. */
async function withServers<T>(dataDir: string, use: (webUrl: string) => Promise<T>): Promise<T> {
  const started: ListeningProcess[] = [];
  try {
    const base = { ...process.env, HOST: '127.0.0.1', DATABASE_URL: '' };
    const sidecar = await startListeningProcess('server/index.ts', {
      name: 'sidecar',
      env: { ...base, SOURCE: 'none', SIDECAR_PORT: '0', DATA_DIR: dataDir, REPORT_TIME_ZONE: 'UTC' },
    });
    started.push(sidecar);
    const web = await startListeningProcess('server/web/index.ts', {
      name: 'web',
      env: { ...base, NODE_ENV: 'production', WEB_PORT: '0', SIDECAR_URL: sidecar.url },
    });
    started.push(web);
    return await use(web.url);
  } finally {
    for (const s of started.reverse()) await s.stop();
  }
}
