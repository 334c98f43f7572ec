import type { SimContext } from './context';
import type { Directory } from './directory';
import type { Leg } from './model';
import { toPascalCaseKeys } from './pascal-case';
import { toIso, toIsoSeconds } from './time';

export type ContactEventType =
  | 'INITIATED'
  | 'CONNECTED_TO_SYSTEM'
  | 'CONTACT_DATA_UPDATED'
  | 'QUEUED'
  | 'CONNECTED_TO_AGENT'
  | 'DISCONNECTED'
  | 'COMPLETED';

const CONTACT_LENS_PROPERTY = 'ContactLens.ConversationalAnalytics.Configuration';

/**
 * Sends one EventBridge "Amazon Connect Contact Event" describing `leg` as it stands now. The
 * Contact Lens setting rides on INITIATED and on the CONTACT_DATA_UPDATED that announces a change.
 */
export function emitContactEvent(ctx: SimContext, leg: Leg, type: ContactEventType): void {
  const now = ctx.clock.now();
  const { directory } = ctx;
  const detail: Record<string, unknown> = { eventType: type, contactId: leg.contactId };
  if (leg.contactId !== leg.rootId || leg.namesItselfAsInitial) detail.initialContactId = leg.rootId;
  if (leg.previousContactId) detail.previousContactId = leg.previousContactId;
  detail.channel = 'VOICE';
  detail.instanceArn = directory.instanceArn;
  detail.initiationMethod = leg.method;
  detail.initiationTimestamp = toIso(leg.initiatedAt);
  if (leg.connectedToSystemAt !== null) detail.connectedToSystemTimestamp = toIso(leg.connectedToSystemAt);
  if (leg.queue && leg.enqueuedAt !== null) {
    detail.queueInfo = {
      queueArn: leg.queue.arn,
      queueType: 'STANDARD',
      enqueueTimestamp: toIso(leg.enqueuedAt),
    };
  }
  if (leg.person && leg.connectedToAgentAt !== null)
    detail.agentInfo = agentInfo(directory, leg, type === 'COMPLETED');
  if (leg.endpoint) detail.customerEndpoint = { type: 'TELEPHONE_NUMBER', address: leg.endpoint };
  if (leg.contactLens && (type === 'INITIATED' || type === 'CONTACT_DATA_UPDATED')) {
    detail.contactLens = {
      conversationalAnalytics: {
        configuration: {
          enabled: leg.contactLens.enabled,
          channelConfiguration: { analyticsModes: [leg.contactLens.mode] },
        },
      },
    };
  }
  if (type === 'CONTACT_DATA_UPDATED') detail.updatedProperties = [CONTACT_LENS_PROPERTY];
  if (leg.disconnectedAt !== null) {
    detail.disconnectTimestamp = toIso(leg.disconnectedAt);
    if (leg.disconnectReason) detail.disconnectReason = leg.disconnectReason;
  }
  const pascal = ctx.format.chance(ctx.config.pascalCaseShare);
  if (pascal) ctx.stats.bump('pascalCaseEvents');
  ctx.delivery.send('contact-events', now, {
    version: '0',
    id: ctx.ids.uuid(),
    'detail-type': 'Amazon Connect Contact Event',
    source: 'aws.connect',
    account: ctx.config.accountId,
    time: toIsoSeconds(now),
    region: ctx.config.region,
    resources: [directory.contactArn(leg.contactId), directory.instanceArn],
    detail: pascal ? toPascalCaseKeys(detail) : detail,
  });
}

function agentInfo(directory: Directory, leg: Leg, completed: boolean): Record<string, unknown> {
  const info: Record<string, unknown> = {
    agentArn: leg.person!.arn,
    connectedToAgentTimestamp: toIso(leg.connectedToAgentAt!),
  };
  // Contact events name the agent's groups by ARN only: `hierarchyGroups.level1..5.arn`.
  const groups = directory.hierarchyOf(leg.person!);
  if (groups.length > 0)
    info.hierarchyGroups = Object.fromEntries(groups.map((g) => [`level${g.level}`, { arn: g.arn }]));
  if (completed && leg.acwStartAt !== null && leg.acwEndAt !== null) {
    info.afterContactWorkStartTimestamp = toIso(leg.acwStartAt);
    info.afterContactWorkEndTimestamp = toIso(leg.acwEndAt);
    info.agentInitiatedHoldDuration = Math.round(leg.holdMs / 1000);
  }
  return info;
}
