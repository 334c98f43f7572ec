import { z } from 'zod';
import { FlexibleTimestampSchema } from './timestamps';

const text = (max = 256) => z.string().min(1).max(max);
const optionalTime = FlexibleTimestampSchema.nullish();

const AgentContactRawSchema = z.object({
  ContactId: text(),
  InitialContactId: text().nullish(),
  Channel: z.string().max(32).nullish(),
  InitiationMethod: z.string().max(64).nullish(),
  State: z.string().max(64),
  StateStartTimestamp: optionalTime,
  ConnectedToAgentTimestamp: optionalTime,
  Queue: z.object({ ARN: text(512).nullish(), Name: z.string().max(256).nullish() }).nullish(),
});
export type AgentContactRaw = z.infer<typeof AgentContactRawSchema>;

/** `Configuration.AgentHierarchyGroups.LevelN`: `{ ARN, Name }`, or null for a level not set. */
const HierarchyGroupRawSchema = z
  .object({ ARN: text(512).nullish(), Name: z.string().max(256).nullish() })
  .nullish();
export const HIERARCHY_LEVELS = ['Level1', 'Level2', 'Level3', 'Level4', 'Level5'] as const;

const SnapshotSchema = z.object({
  Configuration: z
    .object({
      FirstName: z.string().max(128).nullish(),
      LastName: z.string().max(128).nullish(),
      Username: z.string().max(128).nullish(),
      AgentHierarchyGroups: z
        .object(Object.fromEntries(HIERARCHY_LEVELS.map((level) => [level, HierarchyGroupRawSchema])))
        .nullish(),
    })
    .nullish(),
  Contacts: z.array(AgentContactRawSchema).max(50).nullish(),
});

/** One agent event stream record (the JSON inside a Kinesis record). Unknown fields are ignored. */
export const AgentEventRecordSchema = z.object({
  AgentARN: text(512),
  EventId: text(),
  EventTimestamp: FlexibleTimestampSchema,
  EventType: z.string().max(64),
  CurrentAgentSnapshot: SnapshotSchema.nullish(),
});
export type AgentEventRecord = z.infer<typeof AgentEventRecordSchema>;
