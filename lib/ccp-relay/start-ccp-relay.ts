import type { StreamsConnect, StreamsContact } from './streams-types';
import { toCcpSnapshot, type RelaySnapshot } from './to-ccp-snapshot';

export type CcpRelayOptions = {
  /** The Streams `connect` global of the agent's CCP. */
  connect: StreamsConnect;
  /** confwatch's ingest URL, e.g. https://confwatch.example.com/ingest/ccp */
  endpoint: string;
  /** The sidecar's INGEST_TOKEN. */
  token: string;
  fetch?: typeof fetch;
  now?: () => Date;
  onError?: (error: unknown) => void;
};

/**
 * Runs in each agent's custom CCP: on every refresh of a voice contact it posts what the CCP sees —
 * per-connection state, hold and mute — to confwatch. Unchanged views are not posted again.
 */
export function startCcpRelay(options: CcpRelayOptions): { flush(): Promise<void> } {
  const send = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? (() => {});
  let agentArn: string | undefined;
  const lastSent = new Map<string, string>();
  const inFlight = new Set<Promise<void>>();

  const post = (snapshot: RelaySnapshot) => {
    const job = send(options.endpoint, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(snapshot),
    })
      .then((res) => {
        if (!res.ok) onError(new Error(`confwatch answered ${res.status}`));
      })
      .catch(onError)
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };

  const report = (contact: StreamsContact) => {
    if (!agentArn || (contact.getType && contact.getType() !== 'voice')) return;
    const snapshot = toCcpSnapshot(contact, agentArn, now());
    const view = JSON.stringify(snapshot.connections);
    if (lastSent.get(snapshot.contactId) === view) return;
    lastSent.set(snapshot.contactId, view);
    post(snapshot);
  };

  options.connect.agent((agent) => {
    agentArn = agent.getAgentARN();
  });
  options.connect.contact((contact) => {
    contact.onRefresh(report);
    contact.onEnded?.((ended) => {
      report(ended);
      lastSent.delete(ended.getContactId());
    });
  });
  return {
    flush: async () => {
      await Promise.all([...inFlight]);
    },
  };
}
