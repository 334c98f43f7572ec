import { z } from 'zod';
import {
  IdSchema,
  MAX_AGENT_CONTACTS,
  MAX_CODE_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_PERSON_NAME_LENGTH,
} from '@/lib/conference';
import { FlexibleTimestampSchema } from './timestamps';

const optionalTime = FlexibleTimestampSchema.nullish();
const code = z.string().max(MAX_CODE_LENGTH);
const personName = z.string().max(MAX_PERSON_NAME_LENGTH).nullish();

const AgentContactRawSchema = z.object({
  ContactId: IdSchema,
  InitialContactId: IdSchema.nullish(),
  Channel: code.nullish(),
  InitiationMethod: code.nullish(),
  State: code,
  StateStartTimestamp: optionalTime,
  ConnectedToAgentTimestamp: optionalTime,
  Queue: z.object({ ARN: IdSchema.nullish(), Name: z.string().max(MAX_LABEL_LENGTH).nullish() }).nullish(),
});
export type AgentContactRaw = z.infer<typeof AgentContactRawSchema>;

/** `Configuration.AgentHierarchyGroups.LevelN`: `{ ARN, Name }`, or null for a level not set. */
const HierarchyGroupRawSchema = z
  .object({ ARN: IdSchema.nullish(), Name: z.string().max(MAX_LABEL_LENGTH).nullish() })
  .nullish();
export const HIERARCHY_LEVELS = ['Level1', 'Level2', 'Level3', 'Level4', 'Level5'] as const;

const SnapshotSchema = z.object({
  Configuration: z
    .object({
      FirstName: personName,
      LastName: personName,
      Username: personName,
      AgentHierarchyGroups: z
        .object(Object.fromEntries(HIERARCHY_LEVELS.map((level) => [level, HierarchyGroupRawSchema])))
        .nullish(),
    })
    .nullish(),
  Contacts: z.array(AgentContactRawSchema).max(MAX_AGENT_CONTACTS).nullish(),
});

/** One agent event stream record (the JSON inside a Kinesis record). Unknown fields are ignored. */
export const AgentEventRecordSchema = z.object({
  AgentARN: IdSchema,
  EventId: IdSchema,
  EventTimestamp: FlexibleTimestampSchema,
  EventType: code,
  CurrentAgentSnapshot: SnapshotSchema.nullish(),
});
export type AgentEventRecord = z.infer<typeof AgentEventRecordSchema>;
