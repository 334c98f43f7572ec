import { z } from 'zod';
import { IsoTimestampSchema } from './timestamps';

const optionalTime = IsoTimestampSchema.nullish();
export const HIERARCHY_LEVEL_KEYS = ['level1', 'level2', 'level3', 'level4', 'level5'] as const;
const text = (max = 256) => z.string().min(1).max(max);

/** `detail` of an Amazon Connect contact event, after `camelizeKeys`. Unknown fields are ignored. */
export const ContactEventDetailSchema = z.object({
  eventType: text(64),
  contactId: text(),
  initialContactId: text().nullish(),
  previousContactId: text().nullish(),
  channel: text(32),
  instanceArn: text(512).nullish(),
  initiationMethod: text(64).nullish(),
  initiationTimestamp: optionalTime,
  connectedToSystemTimestamp: optionalTime,
  disconnectTimestamp: optionalTime,
  transferCompletedTimestamp: optionalTime,
  disconnectReason: z.string().max(64).nullish(),
  queueInfo: z
    .object({
      queueArn: text(512).nullish(),
      name: z.string().max(256).nullish(),
      enqueueTimestamp: optionalTime,
    })
    .nullish(),
  agentInfo: z
    .object({
      agentArn: text(512).nullish(),
      /** `hierarchyGroups.level1..5.arn` (a PascalCase `Arn` reads the same once camelized). */
      hierarchyGroups: z
        .object(
          Object.fromEntries(
            HIERARCHY_LEVEL_KEYS.map((level) => [level, z.object({ arn: text(512).nullish() }).nullish()]),
          ),
        )
        .nullish(),
      connectedToAgentTimestamp: optionalTime,
      afterContactWorkStartTimestamp: optionalTime,
      agentInitiatedHoldDuration: z.number().nonnegative().nullish(),
    })
    .nullish(),
  customerEndpoint: z.object({ address: z.string().max(64).nullish() }).nullish(),
  contactLens: z
    .object({
      conversationalAnalytics: z
        .object({ configuration: z.object({ enabled: z.boolean().nullish() }).nullish() })
        .nullish(),
    })
    .nullish(),
});
export type ContactEventDetail = z.infer<typeof ContactEventDetailSchema>;

export const CONTACT_EVENT_DETAIL_TYPE = 'Amazon Connect Contact Event';

/** The EventBridge envelope; `detail` is checked separately once its keys are normalized. */
export const EventBridgeEnvelopeSchema = z.object({
  id: text(),
  'detail-type': z.string().max(256),
  time: IsoTimestampSchema,
  // Only "an object" here: its keys are checked once normalized, by ContactEventDetailSchema.
  detail: z.custom<Record<string, unknown>>(
    (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
    'detail must be an object',
  ),
});
