import { MAX_ID_LENGTH } from '@/lib/conference';
import { createThrottle } from '@/server/auth/throttle';

/**
 * Distinct agents one CCP relay request may report. The relay runs in one agent's browser and
 * reports that agent; two allows a hand-over on a shared desk within one batch.
 */
export const RELAY_AGENTS_PER_REQUEST = 2;

const MINUTE = 60_000;

export type RelayLimitSettings = {
  /** Snapshots per agent per minute (`CCP_RELAY_PER_AGENT_PER_MINUTE`). */
  perAgentPerMinute: number;
  /** Distinct agents per relay credential per minute (`CCP_RELAY_AGENTS_PER_MINUTE`). */
  agentsPerMinute: number;
};

const agentOf = (item: unknown): unknown =>
  typeof item === 'object' && item !== null ? (item as { agentArn?: unknown }).agentArn : undefined;

/**
 * What a CCP relay credential may post: at most `RELAY_AGENTS_PER_REQUEST` agents a request, at
 * most `agentsPerMinute` distinct agents a minute per credential, and `perAgentPerMinute`
 * snapshots a minute per agent. The agent is whatever the sender wrote, so none of this may cost
 * more than O(1) an item, and what it remembers is bounded by the credential's agent budget.
 */
export function createRelayLimits(settings: RelayLimitSettings, now: () => number = Date.now) {
  const perAgent = createThrottle(settings.perAgentPerMinute, MINUTE, now);
  const agentsPerCredential = createThrottle(settings.agentsPerMinute, MINUTE, now);

  function refusal(credential: string, agent: string, inRequest: Set<string>): string | undefined {
    if (!inRequest.has(agent)) {
      if (inRequest.size >= RELAY_AGENTS_PER_REQUEST)
        return `a CCP relay request may report at most ${RELAY_AGENTS_PER_REQUEST} agents (a relay reports its own agent); this item names another`;
      inRequest.add(agent);
    }
    const key = `${credential}\n${agent}`;
    if (perAgent.count(key) === 0) {
      if (agentsPerCredential.exhausted(credential))
        return 'this relay credential reported more agents in the last minute than CCP_RELAY_AGENTS_PER_MINUTE';
      agentsPerCredential.attempt(credential);
    }
    return perAgent.attempt(key)
      ? undefined
      : 'rate limited: this agent reports faster than CCP_RELAY_PER_AGENT_PER_MINUTE';
  }

  return {
    /** Each item's reason to be refused, or undefined where it may go on to ingest. */
    check(credential: string, items: readonly unknown[]): (string | undefined)[] {
      const inRequest = new Set<string>();
      return items.map((item) => {
        const agent = agentOf(item) ?? '(no agent)';
        // Not a usable agent: ingest would reject it anyway; it must not become a key here.
        if (typeof agent !== 'string' || agent.length > MAX_ID_LENGTH)
          return `agentArn must be a string of at most ${MAX_ID_LENGTH} characters`;
        return refusal(credential, agent, inRequest);
      });
    },
  };
}

export type RelayLimits = ReturnType<typeof createRelayLimits>;
