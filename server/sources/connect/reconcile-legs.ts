import { InitiationMethodSchema, type ContactEvent } from '@/lib/conference';
import type { ReconcileTargets } from '@/lib/conference';
import { agentIdOf } from './agent-snapshots';
import { ConnectCallError } from './connect-error';
import type { DescribedContact } from './connect-schemas';
import { endsRound, messageOf, RECONCILE_SOURCE, type RoundContext } from './round-context';

type QuietLeg = ReconcileTargets['quietLegs'][number];

/**
 * Asks DescribeContact about every leg of a call not heard of lately; a leg Amazon Connect says has
 * ended gets the DISCONNECTED its contact event would have brought (E5, settled sooner).
 */
export async function reconcileQuietLegs(ctx: RoundContext, targets: ReconcileTargets): Promise<void> {
  const arnById = new Map(targets.agents.map((arn) => [agentIdOf(arn), arn]));
  for (const leg of targets.quietLegs) {
    try {
      const contact = await ctx.api.describeContact(leg.contactId);
      if (contact.Id !== leg.contactId)
        throw new ConnectCallError(
          'DescribeContact',
          'malformed',
          `asked for ${leg.contactId}, got ${contact.Id}`,
        );
      const event = toDisconnectedEvent(contact, leg, arnById);
      if (event) await ctx.hub.ingestEvents(RECONCILE_SOURCE, [event]);
    } catch (error) {
      if (endsRound(error)) throw error;
      ctx.report(messageOf(error));
    }
  }
}

/** The DISCONNECTED contact event for a leg DescribeContact reports ended; undefined while it is not. */
export function toDisconnectedEvent(
  contact: DescribedContact,
  leg: QuietLeg,
  arnById: ReadonlyMap<string, string>,
): ContactEvent | undefined {
  const at = contact.DisconnectTimestamp;
  if (at === undefined) return undefined;
  const event: ContactEvent = {
    source: 'contact',
    // Stable, so asking again in a later round is a duplicate (O1).
    eventId: `reconcile:${leg.contactId}:disconnected`,
    at,
    type: 'DISCONNECTED',
    contactId: leg.contactId,
    rootId: leg.rootId,
    disconnectedAt: at,
  };
  if (contact.PreviousContactId) event.previousContactId = contact.PreviousContactId;
  if (contact.InitiationMethod) {
    const method = InitiationMethodSchema.safeParse(contact.InitiationMethod);
    event.method = method.success ? method.data : 'OTHER';
  }
  const agentArn = contact.AgentInfo?.Id ? arnById.get(contact.AgentInfo.Id) : undefined;
  if (agentArn) event.agentArn = agentArn;
  if (contact.DisconnectReason) event.disconnectReason = contact.DisconnectReason.slice(0, 64);
  return event;
}
