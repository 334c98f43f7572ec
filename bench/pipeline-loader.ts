/**
 * The pipeline suite's load generator, in its own process: posts batches of raw items over real
 * HTTP at an offered rate, open-loop (it never waits for a reply before the next batch is due).
 */
import { Agent, request } from 'node:http';
import { buildCcpSnapshot, buildConference } from './load-payloads';
import { serveActor } from './rpc';
import { POST_ORDINAL_HEADER } from './wire';

export type Target = { url: string; token: string };
export type SetupParams = Target & { run: string; conferences: number; contactsPerConference: number };
export type LoadParams = Target & {
  run: string;
  conferences: number;
  ratePerSec: number;
  durationMs: number;
  tickMs: number;
  /** Wall time from which sent items count as measured (after the warm-up). */
  measureFrom: number;
  /** Flip the customer's mute on each pass over the conferences, so every update shows on a card. */
  toggleMute?: boolean;
};
export type LoadReport = {
  sent: number;
  sentMeasured: number;
  posts: number;
  failed: number;
  /** Why posts failed, by HTTP status (0: the connection failed twice). */
  failures: Record<string, number>;
  /** Posts sent again after the connection failed before any answer. */
  retried: number;
  elapsedMs: number;
  skippedTicks: number;
  /** Each post's `reportedAt` (epoch ms), by the ordinal sent in its `x-bench-post` header. */
  postTimes: number[];
};

const agent = new Agent({ keepAlive: true, maxSockets: 32 });
/** Past this many unanswered posts the server is not keeping up; more would only queue in this process. */
const MAX_IN_FLIGHT = 256;

/**
 * Posts once more when the connection fails before any answer: a kept-alive socket the server has
 * just closed for idleness fails that way, and a real sender retries it (ingest is idempotent, O1).
 */
async function post(
  target: Target,
  stream: string,
  items: unknown[],
  ordinal?: number,
  onRetry = () => {},
): Promise<number> {
  const body = JSON.stringify(items);
  const status = await postOnce(target, stream, body, ordinal);
  if (status !== 0) return status;
  onRetry();
  return postOnce(target, stream, body, ordinal);
}

function postOnce(target: Target, stream: string, body: string, ordinal?: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      `${target.url}/ingest/${stream}`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${target.token}`,
          ...(ordinal === undefined ? {} : { [POST_ORDINAL_HEADER]: String(ordinal) }),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function setup(p: SetupParams): Promise<number> {
  const at = Date.now() - 60_000;
  let batch: unknown[] = [];
  for (let n = 0; n < p.conferences; n++) {
    batch.push(...buildConference(p.run, n, p.contactsPerConference, at + n));
    if (batch.length >= 500 || n === p.conferences - 1) {
      const status = await post(p, 'contact-events', batch);
      if (status !== 202) throw new Error(`setup post answered ${status}`);
      batch = [];
    }
  }
  return p.conferences;
}

function load(p: LoadParams): Promise<LoadReport> {
  const report: LoadReport = {
    sent: 0,
    sentMeasured: 0,
    posts: 0,
    failed: 0,
    failures: {},
    retried: 0,
    elapsedMs: 0,
    skippedTicks: 0,
    postTimes: [],
  };
  const started = Date.now();
  let next = 0;
  let inFlight = 0;
  return new Promise((resolve) => {
    const finish = () => {
      if (inFlight > 0) return;
      report.elapsedMs = Date.now() - started;
      resolve(report);
    };
    const timer = setInterval(() => {
      const now = Date.now();
      const elapsed = now - started;
      if (elapsed >= p.durationMs) {
        clearInterval(timer);
        return finish();
      }
      // One snapshot per conference per batch at most: two in one would be the same event (O1).
      const due = Math.min(p.conferences, Math.floor((p.ratePerSec * elapsed) / 1000) - report.sent);
      if (due <= 0) return;
      if (inFlight >= MAX_IN_FLIGHT) {
        report.skippedTicks += 1;
        return;
      }
      const items = Array.from({ length: due }, () => {
        const n = next++;
        const muted = p.toggleMute === true && Math.floor(n / p.conferences) % 2 === 1;
        return buildCcpSnapshot(p.run, n % p.conferences, now, muted);
      });
      report.sent += due;
      if (now >= p.measureFrom) report.sentMeasured += due;
      const ordinal = report.posts;
      report.postTimes.push(now);
      report.posts += 1;
      inFlight += 1;
      void post(p, 'ccp', items, ordinal, () => (report.retried += 1)).then((status) => {
        inFlight -= 1;
        if (status !== 202) {
          report.failed += 1;
          report.failures[status] = (report.failures[status] ?? 0) + 1;
        }
        if (Date.now() - started >= p.durationMs) finish();
      });
    }, p.tickMs);
  });
}

serveActor({ setup: (p: SetupParams) => setup(p), load: (p: LoadParams) => load(p) }, () => agent.destroy());
