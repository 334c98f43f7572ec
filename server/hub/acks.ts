import { alertKey, type AckRequest, type AlertAck } from '@/lib/realtime';
import type { Store } from '@/server/store';
import type { ReadModel } from './read-model';
import type { Scope } from './scope';

export class AckError extends Error {}

export type Acks = {
  /**
   * Records that `by` acknowledged one raising of one live alert on a conference in `scope`.
   * Throws AckError when there is no such alert for the caller.
   */
  acknowledge(request: Omit<AckRequest, 'by'>, by: string, scope: Scope): Promise<AlertAck>;
  /** Acknowledgements of the conferences on the board. */
  current(): AlertAck[];
  /** Loads the acknowledgements of these conferences (after a restore). */
  load(conferenceIds: readonly string[]): Promise<void>;
  /** Drops the acknowledgements of a conference that left the board. */
  forget(conferenceId: string): void;
};

export function createAcks(deps: {
  store: Pick<Store, 'saveAck' | 'listAcks'>;
  readModel: Pick<ReadModel, 'liveView' | 'inScope'>;
  clockNow: () => number;
  /** A new acknowledgement: the board publisher carries it to the browsers. */
  onAck: (ack: AlertAck) => void;
}): Acks {
  const byConference = new Map<string, Map<string, AlertAck>>();

  function remember(ack: AlertAck): void {
    let acks = byConference.get(ack.conferenceId);
    if (!acks) byConference.set(ack.conferenceId, (acks = new Map()));
    acks.set(alertKey(ack.conferenceId, ack.kind, ack.raisedAt), ack);
  }

  return {
    async acknowledge(request, by, scope) {
      const view = deps.readModel.inScope(request.conferenceId, scope)
        ? deps.readModel.liveView(request.conferenceId)
        : undefined;
      const alert = view?.alerts.find((a) => a.kind === request.kind && a.since === request.raisedAt);
      if (!alert)
        throw new AckError(
          `no live ${request.kind} alert raised at ${request.raisedAt} on ${request.conferenceId}`,
        );
      const ack: AlertAck = { ...request, by, at: new Date(deps.clockNow()).toISOString() };
      await deps.store.saveAck(ack);
      remember(ack);
      deps.onAck(ack);
      return ack;
    },
    current: () => [...byConference.values()].flatMap((acks) => [...acks.values()]),
    async load(conferenceIds) {
      for (const ack of await deps.store.listAcks(conferenceIds)) remember(ack);
    },
    forget: (conferenceId) => void byConference.delete(conferenceId),
  };
}
