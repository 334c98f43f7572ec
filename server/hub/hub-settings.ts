import type { Env } from '@/server/env';
import type { HubSettings } from './hub';

/** How long agent snapshots are kept, behind each agent's newest, to place late ones (M7). */
const AGENT_HISTORY_MS = 30 * 60_000;
/** How long an archived conference's facts stay in memory for late events (O4). */
const ARCHIVE_RETENTION_MS = 10 * 60_000;

/** The hub's settings from the validated environment: the one place env units become milliseconds. */
export function hubSettingsFromEnv(env: Env): HubSettings {
  return {
    engine: {
      mode: env.CONFERENCE_MODE,
      longHoldMs: env.LONG_HOLD_SECONDS * 1000,
      orphanTtlMs: env.ORPHAN_TTL_SECONDS * 1000,
      agentHistoryMs: AGENT_HISTORY_MS,
      archiveRetentionMs: ARCHIVE_RETENTION_MS,
      maxLiveConferences: env.MAX_LIVE_CONFERENCES,
      maxPendingRoots: env.MAX_ORPHAN_ROOTS,
      compactAfterFacts: env.MAX_FACTS_PER_CALL,
    },
    endedGraceMs: env.ENDED_GRACE_SECONDS * 1000,
    staleMs: env.STALE_CONFERENCE_HOURS * 3_600_000,
    coalesceMs: env.PUSH_COALESCE_MS,
    ingestWindowMs: env.INGEST_TIME_WINDOW_HOURS * 3_600_000,
  };
}
