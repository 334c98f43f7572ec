import {
  applyBoardMessage,
  BoardPatchSchema,
  BoardSnapshotSchema,
  decodeSnapshotFrame,
  type BoardMessage,
  type BoardState,
} from '@/lib/realtime';

export type BoardSyncDeps = {
  /** Ask the sidecar for a fresh snapshot (`board:resync`). */
  requestResync: () => void;
  /** The board changed: publish it (the browser writes it to its query cache). */
  publish: (state: BoardState) => void;
  /** This client's clock, stamped on each message to measure durations against server time. */
  now: () => number;
  /** What the client held before (a cached board): patches continue from it. */
  initial?: BoardState;
};

export type BoardSync = {
  /** The transport (re)connected: the sidecar sends a snapshot on connect; patches wait for it. */
  connected(): void;
  /** Ask for a snapshot now (a page mounting on a socket that is already connected). */
  refresh(): void;
  /** One raw `board:snapshot` or `board:patch` payload, parsed here before it is trusted. */
  receive(type: BoardMessage['type'], raw: unknown): void;
  state(): BoardState | undefined;
  /** Payloads that failed their schema and were dropped. */
  rejected(): number;
};

/**
 * The browser's side of the board contract, apart from any socket: parse each message, apply it
 * with the shared reducer, and ask for a snapshot when a patch shows a gap or arrives before any
 * snapshot since the last (re)connect. A patch that cannot apply is dropped; the snapshot that
 * follows replaces the board.
 */
export function createBoardSync(deps: BoardSyncDeps): BoardSync {
  let state = deps.initial;
  let awaitingSnapshot = false;
  let resyncAsked = false;
  let rejected = 0;

  const resync = () => {
    if (resyncAsked) return;
    resyncAsked = true;
    deps.requestResync();
  };

  return {
    connected() {
      awaitingSnapshot = true;
      resyncAsked = false;
    },
    refresh() {
      awaitingSnapshot = true;
      resyncAsked = false;
      resync();
    },
    receive(type, raw) {
      let payload: unknown;
      try {
        payload = type === 'snapshot' ? decodeSnapshotFrame(raw) : raw;
      } catch {
        payload = undefined;
      }
      const parsed =
        type === 'snapshot' ? BoardSnapshotSchema.safeParse(payload) : BoardPatchSchema.safeParse(payload);
      if (!parsed.success) {
        rejected += 1;
        if (type === 'patch') resync();
        return;
      }
      if (type === 'patch' && awaitingSnapshot) return resync();
      const message = { type, message: parsed.data } as BoardMessage;
      const result = applyBoardMessage(state, message, deps.now());
      if (result.resync) return resync();
      if (type === 'snapshot') {
        awaitingSnapshot = false;
        resyncAsked = false;
      }
      if (result.state && result.state !== state) {
        state = result.state;
        deps.publish(state);
      }
    },
    state: () => state,
    rejected: () => rejected,
  };
}
