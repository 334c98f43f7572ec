import { alertKey } from './alert-key';
import type { AlertAck, BoardPatch, BoardSnapshot } from './messages';
import type { ConferenceSummary } from './summary';

/** What a browser (or any client) holds of the live board. */
export type BoardState = {
  seq: number;
  /** The sidecar clock at the last message, and this client's clock when it arrived. */
  serverTime: string;
  receivedAt: number;
  conferences: Record<string, ConferenceSummary>;
  acks: Record<string, AlertAck>;
};

export type BoardMessage =
  { type: 'snapshot'; message: BoardSnapshot } | { type: 'patch'; message: BoardPatch };

/**
 * The shared reducer: a snapshot replaces the board; a patch applies on top of the sequence it
 * follows: upserts replace cards, changes update the fields they name. A patch that does not follow (a gap, or a board never loaded) returns `resync: true`
 * and leaves the state as it was, so the client asks for a fresh snapshot.
 */
export function applyBoardMessage(
  state: BoardState | undefined,
  input: BoardMessage,
  receivedAt: number,
): { state: BoardState | undefined; resync: boolean } {
  if (input.type === 'snapshot') {
    const { message } = input;
    const conferences: Record<string, ConferenceSummary> = {};
    for (const c of message.conferences) conferences[c.id] = c;
    const acks: Record<string, AlertAck> = {};
    for (const a of message.acks) acks[alertKey(a.conferenceId, a.kind, a.raisedAt)] = a;
    return {
      state: { seq: message.seq, serverTime: message.serverTime, receivedAt, conferences, acks },
      resync: false,
    };
  }
  const patch = input.message;
  if (!state || patch.seq <= state.seq) return { state, resync: !state };
  if (patch.seq !== state.seq + 1) return { state, resync: true };
  const conferences = { ...state.conferences };
  for (const c of patch.upserts) conferences[c.id] = c;
  for (const change of patch.changes) {
    const before = conferences[change.id];
    // A change to a card this client never had: its board is not the sidecar's; start again.
    if (!before) return { state, resync: true };
    conferences[change.id] = { ...before, ...change };
  }
  for (const id of patch.removed) delete conferences[id];
  let acks = state.acks;
  if (patch.acks.length > 0) {
    acks = { ...acks };
    for (const a of patch.acks) acks[alertKey(a.conferenceId, a.kind, a.raisedAt)] = a;
  }
  return {
    state: { seq: patch.seq, serverTime: patch.serverTime, receivedAt, conferences, acks },
    resync: false,
  };
}
