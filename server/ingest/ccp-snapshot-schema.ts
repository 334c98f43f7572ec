import { z } from 'zod';
import { CcpConnectionKindSchema, CcpConnectionStateSchema, MonitorModeSchema } from '@/lib/conference';
import { IsoTimestampSchema } from './timestamps';

const text = (max = 256) => z.string().min(1).max(max);

/** confwatch's own CCP relay format (lib/conference/SPEC.md, Inputs). */
export const CcpSnapshotSchema = z.object({
  reportedAt: IsoTimestampSchema,
  agentArn: text(512),
  contactId: text(),
  initialContactId: text().nullish(),
  connections: z
    .array(
      z.object({
        connectionId: text(),
        kind: CcpConnectionKindSchema,
        state: CcpConnectionStateSchema,
        muted: z.boolean().nullish(),
        forcedMute: z.boolean().nullish(),
        agentArn: text(512).nullish(),
        phoneNumber: z.string().max(64).nullish(),
        name: z.string().max(256).nullish(),
        monitorMode: MonitorModeSchema.nullish(),
      }),
    )
    .max(16),
});
export type CcpSnapshot = z.infer<typeof CcpSnapshotSchema>;
