import { z } from 'zod';
import { ConferenceModeSchema, IsoTimeSchema } from '@/lib/conference';

const count = z.number().int().nonnegative();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `GET /api/wallboard/today`: multi-party calls (three or more counted parties at their peak)
 * started so far today against yesterday up to the same time, and both days by local hour, in
 * `REPORT_TIME_ZONE`. Today's hours still to come are null.
 */
export const WallboardTodaySchema = z.object({
  timeZone: z.string(),
  /** The sidecar clock when it was counted. */
  asOf: IsoTimeSchema,
  today: z.object({
    date: z.string().regex(DATE),
    soFar: count,
    perHour: z.array(count.nullable()).length(24),
  }),
  yesterday: z.object({
    date: z.string().regex(DATE),
    /** Started yesterday before the time of day it is now. */
    sameTime: count,
    total: count,
    perHour: z.array(count).length(24),
  }),
});
export type WallboardToday = z.infer<typeof WallboardTodaySchema>;

/** What the screen narrows the history to: the same calls its figures count. */
export const WallboardTodayQuerySchema = z.strictObject({
  queue: z
    .union([z.string().min(1).max(512), z.array(z.string().min(1).max(512)).max(20)])
    .transform((q) => (Array.isArray(q) ? q : [q]))
    .optional(),
  agent: z.string().min(1).max(512).optional(),
  mode: ConferenceModeSchema.optional(),
});
export type WallboardTodayQuery = z.infer<typeof WallboardTodayQuerySchema>;
