import { z } from 'zod';

/**
 * The three raw formats as the tests expect them, written from the AWS documentation and the
 * ingest contract independently of the simulator's code (and of the sidecar's ingest schemas).
 */

const iso = z.iso.datetime({ precision: 3 });
const isoSeconds = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const uuid = z.uuid({ version: 'v4' });
const arn = z
  .string()
  .regex(/^arn:aws:connect:[a-z0-9-]+:\d{12}:instance\/[A-Za-z0-9-]+(\/[a-z-]+\/[A-Za-z0-9-]+)?$/);
const e164 = z.string().regex(/^\+\d{8,15}$/);

export const ContactEventTypeSchema = z.enum([
  'INITIATED',
  'CONNECTED_TO_SYSTEM',
  'CONTACT_DATA_UPDATED',
  'QUEUED',
  'CONNECTED_TO_AGENT',
  'DISCONNECTED',
  'COMPLETED',
]);

export const ContactDetailSchema = z
  .object({
    eventType: ContactEventTypeSchema,
    contactId: uuid,
    initialContactId: uuid.optional(),
    previousContactId: uuid.optional(),
    channel: z.literal('VOICE'),
    instanceArn: arn,
    initiationMethod: z.enum(['INBOUND', 'TRANSFER', 'EXTERNAL_OUTBOUND', 'MONITOR']),
    initiationTimestamp: iso,
    connectedToSystemTimestamp: iso.optional(),
    disconnectTimestamp: iso.optional(),
    disconnectReason: z
      .enum(['CUSTOMER_DISCONNECT', 'AGENT_DISCONNECT', 'THIRD_PARTY_DISCONNECT', 'TELECOM_UNANSWERED'])
      .optional(),
    queueInfo: z
      .strictObject({ queueArn: arn, queueType: z.literal('STANDARD'), enqueueTimestamp: iso })
      .optional(),
    agentInfo: z
      .strictObject({
        agentArn: arn,
        connectedToAgentTimestamp: iso,
        afterContactWorkStartTimestamp: iso.optional(),
        afterContactWorkEndTimestamp: iso.optional(),
        agentInitiatedHoldDuration: z.number().int().nonnegative().optional(),
        /** `hierarchyGroups.level1..5.arn`: the agent's groups, by ARN only. */
        hierarchyGroups: z
          .strictObject({
            level1: z.strictObject({ arn }).optional(),
            level2: z.strictObject({ arn }).optional(),
            level3: z.strictObject({ arn }).optional(),
            level4: z.strictObject({ arn }).optional(),
            level5: z.strictObject({ arn }).optional(),
          })
          .optional(),
      })
      .optional(),
    customerEndpoint: z.strictObject({ type: z.literal('TELEPHONE_NUMBER'), address: e164 }).optional(),
    contactLens: z
      .strictObject({
        conversationalAnalytics: z.strictObject({
          configuration: z.strictObject({
            enabled: z.boolean(),
            channelConfiguration: z.strictObject({
              analyticsModes: z.array(z.enum(['RealTime', 'PostContact'])).min(1),
            }),
          }),
        }),
      })
      .optional(),
    updatedProperties: z.array(z.string()).optional(),
  })
  .strict();
export type ContactDetail = z.infer<typeof ContactDetailSchema>;

export const ContactEventEnvelopeSchema = z.strictObject({
  version: z.literal('0'),
  id: uuid,
  'detail-type': z.literal('Amazon Connect Contact Event'),
  source: z.literal('aws.connect'),
  account: z.string().regex(/^\d{12}$/),
  time: isoSeconds,
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  resources: z.tuple([arn, arn]),
  detail: z.record(z.string(), z.unknown()),
});

const AgentContactSchema = z.strictObject({
  Channel: z.literal('VOICE'),
  ConnectedToAgentTimestamp: iso.nullable(),
  ContactId: uuid,
  InitialContactId: uuid.nullable(),
  InitiationMethod: z.enum(['INBOUND', 'TRANSFER', 'MONITOR']),
  Queue: z.strictObject({ ARN: arn, Name: z.string().min(1) }).nullable(),
  QueueTimestamp: iso.nullable(),
  State: z.enum([
    'INCOMING',
    'PENDING',
    'CONNECTING',
    'CONNECTED',
    'CONNECTED_ONHOLD',
    'MISSED',
    'ERROR',
    'ENDED',
    'REJECTED',
  ]),
  StateStartTimestamp: iso,
});

/** One level of `AgentHierarchyGroups`: the group's ARN and name. */
const HierarchyGroupSchema = z.strictObject({ ARN: arn, Name: z.string().min(1) });

const AgentSnapshotSchema = z.strictObject({
  AgentStatus: z.strictObject({
    ARN: arn,
    Name: z.string().min(1),
    StartTimestamp: iso,
    Type: z.enum(['ROUTABLE', 'CUSTOM', 'OFFLINE']),
  }),
  Configuration: z.strictObject({
    AgentHierarchyGroups: z
      .strictObject({
        Level1: HierarchyGroupSchema.optional(),
        Level2: HierarchyGroupSchema.optional(),
        Level3: HierarchyGroupSchema.optional(),
        Level4: HierarchyGroupSchema.optional(),
        Level5: HierarchyGroupSchema.optional(),
      })
      .nullable(),
    FirstName: z.string().min(1),
    LastName: z.string().min(1),
    RoutingProfile: z.looseObject({ ARN: arn, Name: z.string().min(1) }),
    Username: z.string().min(1),
  }),
  Contacts: z.array(AgentContactSchema),
});

export const AgentEventRecordSchema = z.strictObject({
  AWSAccountId: z.string().regex(/^\d{12}$/),
  AgentARN: arn,
  CurrentAgentSnapshot: AgentSnapshotSchema,
  EventId: uuid,
  EventTimestamp: iso,
  EventType: z.enum(['STATE_CHANGE', 'HEART_BEAT', 'LOGIN', 'LOGOUT']),
  InstanceARN: arn,
  PreviousAgentSnapshot: AgentSnapshotSchema,
  Version: z.literal('2019-05-25'),
});
export type AgentEventRecord = z.infer<typeof AgentEventRecordSchema>;

const CcpConnectionSchema = z.strictObject({
  connectionId: uuid,
  kind: z.enum(['self', 'customer', 'agent', 'external', 'supervisor']),
  state: z.enum(['connecting', 'connected', 'hold', 'disconnected']),
  muted: z.boolean(),
  forcedMute: z.boolean(),
  agentArn: arn.optional(),
  phoneNumber: e164.optional(),
  name: z.string().min(1).optional(),
  monitorMode: z.enum(['silent', 'barge']).optional(),
});

export const CcpSnapshotSchema = z.strictObject({
  reportedAt: iso,
  agentArn: arn,
  contactId: uuid,
  initialContactId: uuid,
  connections: z.array(CcpConnectionSchema).min(1),
});
export type CcpSnapshot = z.infer<typeof CcpSnapshotSchema>;

/** Lower-cases the first letter of every key, nested too: PascalCase detail back to camelCase. */
export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key.charAt(0).toLowerCase() + key.slice(1),
      camelizeKeys(inner),
    ]),
  );
}
