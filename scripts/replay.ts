import { access } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import {
  batchRecording,
  readRecording,
  type RecordingBatch,
  type StreamName,
} from '@/server/sources/recording';
import { formatHelp, parseArgs, runCli, UsageError, type OptionSpec } from './cli-args';

const OPTIONS = {
  url: { kind: 'string', help: 'the running sidecar, e.g. http://127.0.0.1:4000' },
  token: {
    kind: 'string',
    help: 'a replay token, from npm run token -- create --role replay (default: the REPLAY_TOKEN environment variable)',
  },
  speed: {
    kind: 'string',
    help: 'a positive number (1 = recorded pace, 10 = ten times faster) or max (default 1)',
  },
} satisfies Record<string, OptionSpec>;

const PATHS: Record<StreamName, string> = {
  'contact-events': '/ingest/contact-events',
  'agent-events': '/ingest/agent-events',
  ccp: '/ingest/ccp',
};

const IngestAnswerSchema = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});

type Totals = { items: number; batches: number; accepted: number; duplicates: number; rejected: string[] };

function parseSpeed(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (raw === 'max') return Infinity;
  const speed = Number(raw);
  if (!Number.isFinite(speed) || speed <= 0)
    throw new UsageError(`--speed must be a positive number or max, got "${raw}"`);
  return speed;
}

function parseBaseUrl(raw: string | undefined): URL {
  if (!raw) throw new UsageError('--url is required (the sidecar to replay into)');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--url must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--url must be an http(s) URL, got "${raw}"`);
  return url;
}

/** POSTs one batch; an unreachable sidecar or a non-2xx answer stops the replay. */
async function postBatch(
  base: URL,
  batch: RecordingBatch,
  token: string | undefined,
  totals: Totals,
): Promise<void> {
  const target = new URL(PATHS[batch.stream], base);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-confwatch-source-clock': batch.lastAt,
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(target, { method: 'POST', headers, body: JSON.stringify(batch.payloads) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(
      `cannot reach ${base.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
    );
  }
  const body = await response.text();
  if (!response.ok) {
    // Only a replay token may move the sidecar's clock; an ingest or relay token is refused.
    const hint =
      response.status === 403 || response.status === 401
        ? "\nA replay needs a replay token: make one with `npm run token -- create --role replay` (against the sidecar's DATA_DIR or DATABASE_URL) and pass it with --token or REPLAY_TOKEN."
        : '';
    throw new Error(
      `POST ${target.pathname} answered ${response.status} ${response.statusText}: ${body}${hint}`,
    );
  }
  totals.items += batch.payloads.length;
  totals.batches += 1;
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    // A 2xx without the usual JSON still delivered the batch; only the counts are unknown.
  }
  const answer = IngestAnswerSchema.safeParse(json);
  if (!answer.success) return;
  totals.accepted += answer.data.accepted;
  totals.duplicates += answer.data.duplicates;
  for (const { index, reason } of answer.data.rejected) {
    totals.rejected.push(`line ${batch.lines[index] ?? '?'} (${batch.stream}): ${reason}`);
  }
}

const describe = (t: Totals) =>
  `${t.items} items in ${t.batches} batches: accepted ${t.accepted}, duplicates ${t.duplicates}, rejected ${t.rejected.length}`;

async function main(): Promise<void> {
  const { options, positionals, help } = parseArgs(process.argv.slice(2), OPTIONS);
  const usage =
    'npm run replay -- <recording.jsonl> --url http://127.0.0.1:4000 [--token T] [--speed 10|max]';
  if (help) {
    process.stdout.write(`${formatHelp(usage, OPTIONS)}\n`);
    return;
  }
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('name the recording to replay');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const base = parseBaseUrl(options.url);
  const speed = parseSpeed(options.speed);
  await access(file).catch(() => {
    throw new UsageError(`cannot read the recording ${file}`);
  });
  const token = options.token ?? process.env.REPLAY_TOKEN;
  if (!token)
    throw new UsageError(
      'a replay needs a replay token: make one with `npm run token -- create --role replay` and pass it with --token (or REPLAY_TOKEN)',
    );
  const totals: Totals = { items: 0, batches: 0, accepted: 0, duplicates: 0, rejected: [] };
  const wallStart = performance.now();
  let firstAt: number | null = null;
  let lastProgress = wallStart;
  for await (const batch of batchRecording(readRecording(file))) {
    firstAt ??= batch.firstAt;
    const due = wallStart + (Date.parse(batch.lastAt) - firstAt) / speed;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    await postBatch(base, batch, token, totals);
    if (performance.now() - lastProgress >= 1_000) {
      lastProgress = performance.now();
      process.stderr.write(`replay: ${describe(totals)}\n`);
    }
  }
  const seconds = ((performance.now() - wallStart) / 1000).toFixed(1);
  process.stdout.write(`replayed ${describe(totals)} in ${seconds} s\n`);
  for (const line of totals.rejected.slice(0, 20)) process.stdout.write(`  rejected ${line}\n`);
  if (totals.rejected.length > 20) process.stdout.write(`  … and ${totals.rejected.length - 20} more\n`);
}

runCli('replay', main);
