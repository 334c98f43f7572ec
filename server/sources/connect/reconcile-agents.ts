import type { ReconcileTargets } from '@/lib/conference';
import { describeIssues } from '@/server/ingest/timestamps';
import { agentIdOf, chunk, toAgentSnapshot } from './agent-snapshots';
import { MAX_AGENTS_PER_REQUEST } from './connect-api';
import { UserDataSchema } from './connect-schemas';
import { endsRound, messageOf, RECONCILE_SOURCE, type RoundContext } from './round-context';

/** Each page holds at least one agent of at most 100, so more pages than this means a looping token. */
const MAX_PAGES = MAX_AGENTS_PER_REQUEST;

/**
 * Asks GetCurrentUserData about every agent on a live call, 100 at a time, and feeds each answer
 * back as an agent snapshot (M7). An agent missing from the answer, or whose entry does not parse,
 * gets no snapshot: not knowing is not the same as having left.
 */
export async function reconcileAgents(ctx: RoundContext, targets: ReconcileTargets): Promise<void> {
  const ids = [...new Set(targets.agents.map(agentIdOf))];
  for (const run of chunk(ids, MAX_AGENTS_PER_REQUEST)) {
    try {
      await reconcileRun(ctx, run, targets.rootOf);
    } catch (error) {
      if (endsRound(error)) throw error;
      ctx.report(messageOf(error));
    }
  }
}

async function reconcileRun(
  ctx: RoundContext,
  agentIds: string[],
  rootOf: ReconcileTargets['rootOf'],
): Promise<void> {
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await ctx.api.getCurrentUserData(agentIds, nextToken);
    const at = ctx.now();
    const snapshots = (answer.UserDataList ?? []).flatMap((entry, index) => {
      const parsed = UserDataSchema.safeParse(entry);
      if (parsed.success) return [toAgentSnapshot(parsed.data, rootOf, at)];
      ctx.report(
        `GetCurrentUserData: malformed response: UserDataList.${index}: ${describeIssues(parsed.error)} (that agent is left as it was)`,
      );
      return [];
    });
    const news = snapshots.filter((snapshot) => {
      // Every round would otherwise add one fact per agent per call for the whole call.
      const signature = JSON.stringify(snapshot.contacts.map((c) => [c.contactId, c.state]));
      if (ctx.lastSent.get(snapshot.agentArn) === signature) return false;
      ctx.lastSent.set(snapshot.agentArn, signature);
      return true;
    });
    if (news.length > 0) await ctx.hub.ingestEvents(RECONCILE_SOURCE, news);
    nextToken = answer.NextToken;
    if (!nextToken) return;
  }
  ctx.report(
    `GetCurrentUserData: still a NextToken after ${MAX_PAGES} pages; the rest of those agents skipped`,
  );
}
