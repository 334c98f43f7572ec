import { z } from 'zod';
import { AgentContactStateSchema, EpochMsSchema, IdSchema } from '@/lib/conference';

/**
 * What the reconciler reads from `@aws-sdk/client-connect` answers, checked once here (the SDK
 * types every field optional and does not check shapes: a list can arrive as a string). Timestamps
 * are the SDK's `Date`s, turned into epoch milliseconds.
 */

const id = IdSchema;
const sdkTime = z
  .date()
  .transform((date) => date.getTime())
  .pipe(EpochMsSchema);

export const AgentContactReferenceSchema = z.object({
  ContactId: id,
  Channel: z.string().optional(),
  InitiationMethod: z.string().optional(),
  AgentContactState: AgentContactStateSchema,
  StateStartTimestamp: sdkTime.optional(),
  ConnectedToAgentTimestamp: sdkTime.optional(),
  Queue: z.object({ Id: z.string().optional(), Arn: id.optional() }).optional(),
});
export type AgentContactReference = z.infer<typeof AgentContactReferenceSchema>;

/** One agent in a GetCurrentUserData answer; checked one by one so one bad entry spoils no other. */
export const UserDataSchema = z.object({
  User: z.object({ Id: z.string().optional(), Arn: id }),
  Contacts: z.array(AgentContactReferenceSchema).optional(),
});
export type UserData = z.infer<typeof UserDataSchema>;

export const UserDataPageSchema = z.object({
  UserDataList: z.array(z.unknown()).optional(),
  NextToken: z.string().min(1).optional(),
});
export type UserDataPage = z.infer<typeof UserDataPageSchema>;

export const DescribedContactSchema = z.object({
  Id: id,
  InitialContactId: id.optional(),
  PreviousContactId: id.optional(),
  InitiationMethod: z.string().optional(),
  Channel: z.string().optional(),
  DisconnectTimestamp: sdkTime.optional(),
  DisconnectReason: z.string().optional(),
  AgentInfo: z.object({ Id: z.string().optional() }).optional(),
});
export type DescribedContact = z.infer<typeof DescribedContactSchema>;

export const DescribeContactOutputSchema = z.object({ Contact: DescribedContactSchema });

export const InstanceAttributeOutputSchema = z.object({
  Attribute: z.object({ Value: z.enum(['true', 'false']) }),
});
