import { z } from 'zod';
import { ConferenceModeSchema, ConferenceViewSchema, TimelineKindSchema } from '@/lib/conference';
import type { DailyReport, ReportFigures } from './daily-report';
import { PictureChangesSchema } from './picture-changes';

/**
 * What the report and replay endpoints answer, as the browser parses it. The daily figures are
 * built in `daily-report.ts` (and checked against these schemas by the compiler); the rest of the
 * shapes are defined here and the store's readers use them.
 */

const count = z.number().int().nonnegative();
const amount = z.number().nonnegative();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ReportFiguresSchema: z.ZodType<ReportFigures> = z.object({
  calls: count,
  conferences: count,
  bySize: z.object({ '3': count, '4': count, '5': count, '6': count }),
  multiPartyShare: amount,
  conferenceMinutes: amount,
  capHits: count,
  contactLensConflicts: count,
  contactLensConflictMinutes: amount,
  consultHold: z.object({ averageSeconds: amount, longestSeconds: amount }),
  externalPartiesAdded: count,
});

export const DailyReportSchema: z.ZodType<DailyReport> = z.object({
  days: z.array(z.intersection(z.object({ date }), ReportFiguresSchema)),
  totals: ReportFiguresSchema,
});

/** Conferences started in one local hour of one weekday (0 Monday … 6 Sunday). */
export const HeatmapCellSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  conferences: count,
});
export type HeatmapCell = z.infer<typeof HeatmapCellSchema>;

export const HeatmapSchema = z.object({
  from: date,
  to: date,
  tz: z.string(),
  cells: z.array(HeatmapCellSchema),
});
export type Heatmap = z.infer<typeof HeatmapSchema>;

/** An agent (by ARN) or a queue (by ARN), its name where known, and its conferences. */
export const TopEntrySchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  conferences: count,
  partiesAdded: count,
});
export type TopEntry = z.infer<typeof TopEntrySchema>;

export const TopReportSchema = z.object({
  by: z.enum(['agents', 'queues']),
  from: date,
  to: date,
  tz: z.string(),
  entries: z.array(TopEntrySchema),
});
export type TopReport = z.infer<typeof TopReportSchema>;

const named = z.object({ arn: z.string(), name: z.string().nullable() });

/** One conference in a day's drill-down list. Durations in seconds, one decimal. */
export const ReportConferenceSchema = z.object({
  id: z.string(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  mode: ConferenceModeSchema,
  queue: named.nullable(),
  size: count,
  cap: count,
  agents: z.array(named),
  conferenceSeconds: amount,
  atCapSeconds: amount,
  capReached: count,
  contactLensConflictSeconds: amount,
  consultHoldSeconds: amount,
  consultHoldLongestSeconds: amount,
  externalPartiesAdded: count,
  partiesAdded: count,
});
export type ReportConference = z.infer<typeof ReportConferenceSchema>;

export const ReportConferencePageSchema = z.object({
  conferences: z.array(ReportConferenceSchema),
  nextCursor: z.string().nullable(),
});
export type ReportConferencePage = z.infer<typeof ReportConferencePageSchema>;

/** A mark on the replay's scrubber. */
export const ScrubberEventSchema = z.object({
  at: z.number(),
  kind: TimelineKindSchema,
  participantId: z.string().nullable(),
  alert: z.string().nullable(),
});

/**
 * `GET /api/conferences/:id/replay`: an ended call's record, what a replay needs beyond it (null
 * where history has none: a call still on the board, or history written before replays), and
 * the marks of its scrubber.
 */
export const ReplaySchema = z.object({
  conference: ConferenceViewSchema,
  /** Ended within the grace time and still on the live board: its record reaches history soon. */
  onBoard: z.boolean(),
  pictureChanges: PictureChangesSchema.nullable(),
  events: z.array(ScrubberEventSchema),
});
export type Replay = z.infer<typeof ReplaySchema>;

/** A refused report request: the reason, and each bad parameter by name. */
export const ReportErrorSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ param: z.string(), message: z.string() })).optional(),
});
