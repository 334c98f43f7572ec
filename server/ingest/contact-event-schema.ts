import { z } from 'zod';
import {
  IdSchema,
  MAX_CODE_LENGTH,
  MAX_HOLD_DURATION_SEC,
  MAX_LABEL_LENGTH,
  MAX_PHONE_LENGTH,
} from '@/lib/conference';
import { IsoTimestampSchema } from './timestamps';

const optionalTime = IsoTimestampSchema.nullish();
const code = z.string().min(1).max(MAX_CODE_LENGTH);
export const HIERARCHY_LEVEL_KEYS = ['level1', 'level2', 'level3', 'level4', 'level5'] as const;

/** `detail` of an Amazon Connect contact event, after `camelizeKeys`. Unknown fields are ignored. */
export const ContactEventDetailSchema = z.object({
  eventType: code,
  contactId: IdSchema,
  initialContactId: IdSchema.nullish(),
  previousContactId: IdSchema.nullish(),
  channel: code,
  instanceArn: IdSchema.nullish(),
  initiationMethod: code.nullish(),
  initiationTimestamp: optionalTime,
  connectedToSystemTimestamp: optionalTime,
  disconnectTimestamp: optionalTime,
  transferCompletedTimestamp: optionalTime,
  disconnectReason: z.string().max(MAX_CODE_LENGTH).nullish(),
  queueInfo: z
    .object({
      queueArn: IdSchema.nullish(),
      name: z.string().max(MAX_LABEL_LENGTH).nullish(),
      enqueueTimestamp: optionalTime,
    })
    .nullish(),
  agentInfo: z
    .object({
      agentArn: IdSchema.nullish(),
      /** `hierarchyGroups.level1..5.arn` (a PascalCase `Arn` reads the same once camelized). */
      hierarchyGroups: z
        .object(
          Object.fromEntries(
            HIERARCHY_LEVEL_KEYS.map((level) => [level, z.object({ arn: IdSchema.nullish() }).nullish()]),
          ),
        )
        .nullish(),
      connectedToAgentTimestamp: optionalTime,
      afterContactWorkStartTimestamp: optionalTime,
      agentInitiatedHoldDuration: z.number().min(0).max(MAX_HOLD_DURATION_SEC).nullish(),
    })
    .nullish(),
  customerEndpoint: z.object({ address: z.string().max(MAX_PHONE_LENGTH).nullish() }).nullish(),
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
  id: IdSchema,
  'detail-type': z.string().max(MAX_LABEL_LENGTH),
  time: IsoTimestampSchema,
  // Only "an object" here: its keys are checked once normalized, by ContactEventDetailSchema.
  detail: z.custom<Record<string, unknown>>(
    (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
    'detail must be an object',
  ),
});
