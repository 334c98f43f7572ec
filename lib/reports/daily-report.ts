/** What SQL sums for one local day (or for the whole range): every field adds up across days. */
export type DaySums = {
  calls: number;
  conferences: number;
  size3: number;
  size4: number;
  size5: number;
  size6: number;
  conferenceMs: number;
  capHits: number;
  contactLensConflicts: number;
  contactLensConflictMs: number;
  consultHoldMs: number;
  consultHoldEpisodes: number;
  /** The only field that does not add up: the range's is the largest of its days'. */
  consultHoldLongestMs: number;
  externalPartiesAdded: number;
};

export const ZERO_SUMS: DaySums = {
  calls: 0,
  conferences: 0,
  size3: 0,
  size4: 0,
  size5: 0,
  size6: 0,
  conferenceMs: 0,
  capHits: 0,
  contactLensConflicts: 0,
  contactLensConflictMs: 0,
  consultHoldMs: 0,
  consultHoldEpisodes: 0,
  consultHoldLongestMs: 0,
  externalPartiesAdded: 0,
};

export type ReportFigures = {
  calls: number;
  conferences: number;
  bySize: { '3': number; '4': number; '5': number; '6': number };
  /** Conferences over calls, 0 with no calls; four decimals. */
  multiPartyShare: number;
  /** Minutes with three or more counted parties; two decimals. */
  conferenceMinutes: number;
  /** Calls whose counted parties reached their cap at least once. */
  capHits: number;
  /** Calls on which A2 was raised at least once. */
  contactLensConflicts: number;
  contactLensConflictMinutes: number;
  /** Over consult-hold episodes (see `CallReportFacts`): the mean and the longest, one decimal. */
  consultHold: { averageSeconds: number; longestSeconds: number };
  externalPartiesAdded: number;
};

export type DailyRow = { date: string } & ReportFigures;
export type DailyReport = { days: DailyRow[]; totals: ReportFigures };

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** The figures shown for some sums. */
export function toFigures(s: DaySums): ReportFigures {
  return {
    calls: s.calls,
    conferences: s.conferences,
    bySize: { '3': s.size3, '4': s.size4, '5': s.size5, '6': s.size6 },
    multiPartyShare: s.calls === 0 ? 0 : round(s.conferences / s.calls, 4),
    conferenceMinutes: round(s.conferenceMs / 60_000, 2),
    capHits: s.capHits,
    contactLensConflicts: s.contactLensConflicts,
    contactLensConflictMinutes: round(s.contactLensConflictMs / 60_000, 2),
    consultHold: {
      averageSeconds:
        s.consultHoldEpisodes === 0 ? 0 : round(s.consultHoldMs / s.consultHoldEpisodes / 1000, 1),
      longestSeconds: round(s.consultHoldLongestMs / 1000, 1),
    },
    externalPartiesAdded: s.externalPartiesAdded,
  };
}

/** The sums of several days. */
export function addSums(all: readonly DaySums[]): DaySums {
  const total = { ...ZERO_SUMS };
  for (const s of all) {
    for (const key of Object.keys(total) as (keyof DaySums)[]) {
      total[key] = key === 'consultHoldLongestMs' ? Math.max(total[key], s[key]) : total[key] + s[key];
    }
  }
  return total;
}

/** One row per date in `dates` (zeros where `sums` has none) and the range's totals. */
export function buildDailyReport(dates: readonly string[], sums: ReadonlyMap<string, DaySums>): DailyReport {
  const perDay = dates.map((date) => ({ date, sums: sums.get(date) ?? ZERO_SUMS }));
  return {
    days: perDay.map((d) => ({ date: d.date, ...toFigures(d.sums) })),
    totals: toFigures(addSums(perDay.map((d) => d.sums))),
  };
}
