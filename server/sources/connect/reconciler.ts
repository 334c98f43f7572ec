import type { ConferenceMode } from '@/lib/conference';
import type { Reconciliation } from '@/server/hub/hub';
import { createConnectApi, type ConnectCredentials, type ConnectOperation } from './connect-api';
import { isConnectFailure } from './connect-error';
import { checkInstanceMode } from './mode-check';
import { reconcileAgents } from './reconcile-agents';
import { reconcileQuietLegs } from './reconcile-legs';
import { messageOf, type RoundContext } from './round-context';

export type ConnectReconcilerOptions = {
  hub: Reconciliation;
  instanceId: string;
  region: string;
  /** Tests point the client at a local fake. */
  endpoint?: string;
  /** Tests only: production leaves it out and the SDK's default provider chain applies. */
  credentials?: ConnectCredentials;
  intervalMs: number;
  /** A call not heard of for this long has its legs checked with DescribeContact. */
  quietMs: number;
  expectedMode: ConferenceMode;
  /** The sidecar clock: the time reconciled facts are stamped with. */
  now: () => number;
  log: (message: string) => void;
};

export type ReconcilerStatus = {
  /** The instance's MULTI_PARTY_CONFERENCE, null until read. */
  multiParty: boolean | null;
  /** Whether it agrees with CONFERENCE_MODE (R1, R30), null until read. */
  modeMatches: boolean | null;
  /** Sidecar time (epoch ms) the last round finished. */
  lastRunAt: number | null;
  /** The latest failure; cleared by a round that completes without one. */
  lastError: string | null;
  /** Requests sent, per operation. */
  calls: Partial<Record<ConnectOperation, number>>;
  /** Requests still throttled (HTTP 429) after the SDK's retries. */
  throttled: number;
};

export type ConnectReconciler = {
  stop(): Promise<void>;
  status(): ReconcilerStatus;
  /** One round (agents, then quiet legs), after any round in flight; never rejects. */
  runOnce(): Promise<void>;
  /** Reads the instance mode now, or joins the read in flight; never rejects. */
  checkMode(): Promise<void>;
};

const MODE_CHECK_MS = 10 * 60_000;

/**
 * Polls Amazon Connect for the truth that lost contact and agent events leave out, and feeds it to
 * the hub as domain events: agents' current contacts every `intervalMs` (M7), the end of legs of
 * calls gone quiet (E5), and the instance's multi-party mode at start and every 10 minutes (R1, R30).
 * One reconciler per sidecar: its rate limits are the account's.
 */
export function startConnectReconciler(options: ConnectReconcilerOptions): ConnectReconciler {
  const abort = new AbortController();
  const api = createConnectApi({
    instanceId: options.instanceId,
    region: options.region,
    signal: abort.signal,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const log = (message: string) => options.log(`connect reconcile: ${message}`);
  const state: Omit<ReconcilerStatus, 'calls'> = {
    multiParty: null,
    modeMatches: null,
    lastRunAt: null,
    lastError: null,
    throttled: 0,
  };
  const report = (message: string) => {
    state.lastError = message;
    log(message);
  };
  const fail = (error: unknown) => {
    if (isConnectFailure(error, 'aborted')) return;
    if (!isConnectFailure(error, 'throttled')) return report(messageOf(error));
    state.throttled += 1;
    report(`${messageOf(error)} (throttled: the rest of this round is skipped)`);
  };

  const lastSent = new Map<string, string>();

  async function round(): Promise<void> {
    if (abort.signal.aborted) return;
    let clean = true;
    const ctx: RoundContext = {
      api,
      hub: options.hub,
      now: options.now,
      lastSent,
      report: (message) => {
        clean = false;
        report(message);
      },
    };
    try {
      // Once, up front: this round's own snapshots make the calls they touch look freshly heard of.
      const targets = options.hub.targets(options.quietMs);
      await reconcileAgents(ctx, targets);
      await reconcileQuietLegs(ctx, targets);
    } catch (error) {
      clean = false;
      fail(error);
    }
    if (abort.signal.aborted) return;
    state.lastRunAt = options.now();
    if (clean) state.lastError = null;
  }

  let inFlight: Promise<void> | undefined;
  function runOnce(): Promise<void> {
    const run = (inFlight ?? Promise.resolve()).then(round);
    inFlight = run;
    void run.then(() => {
      if (inFlight === run) inFlight = undefined;
    });
    return run;
  }

  let modeCheck: Promise<void> | undefined;
  function checkMode(): Promise<void> {
    if (abort.signal.aborted) return Promise.resolve();
    modeCheck ??= checkInstanceMode(api, options.expectedMode)
      .then((result) => {
        state.multiParty = result.multiParty;
        state.modeMatches = result.matches;
        if (result.warning) log(`warning: ${result.warning}`);
      }, fail)
      .finally(() => {
        modeCheck = undefined;
      });
    return modeCheck;
  }

  const roundTimer = setInterval(() => void (inFlight ?? runOnce()), options.intervalMs);
  const modeTimer = setInterval(() => void checkMode(), MODE_CHECK_MS);
  roundTimer.unref();
  modeTimer.unref();
  void checkMode();
  void runOnce();

  return {
    runOnce,
    checkMode,
    status: () => ({ ...state, calls: api.calls() }),
    async stop() {
      clearInterval(roundTimer);
      clearInterval(modeTimer);
      abort.abort();
      await Promise.all([inFlight, modeCheck]);
      api.destroy();
    },
  };
}
