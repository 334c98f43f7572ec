import { z } from 'zod';
import {
  CcpConnectionKindSchema,
  CcpConnectionStateSchema,
  IdSchema,
  MAX_CCP_CONNECTIONS,
  MAX_LABEL_LENGTH,
  MAX_PHONE_LENGTH,
  MonitorModeSchema,
} from '@/lib/conference';
import { IsoTimestampSchema } from './timestamps';

/** confwatch's own CCP relay format (lib/conference/SPEC.md, Inputs). */
export const CcpSnapshotSchema = z.object({
  reportedAt: IsoTimestampSchema,
  agentArn: IdSchema,
  contactId: IdSchema,
  initialContactId: IdSchema.nullish(),
  connections: z
    .array(
      z.object({
        connectionId: IdSchema,
        kind: CcpConnectionKindSchema,
        state: CcpConnectionStateSchema,
        muted: z.boolean().nullish(),
        forcedMute: z.boolean().nullish(),
        agentArn: IdSchema.nullish(),
        phoneNumber: z.string().max(MAX_PHONE_LENGTH).nullish(),
        name: z.string().max(MAX_LABEL_LENGTH).nullish(),
        monitorMode: MonitorModeSchema.nullish(),
      }),
    )
    .max(MAX_CCP_CONNECTIONS),
});
export type CcpSnapshot = z.infer<typeof CcpSnapshotSchema>;
