import type { ConferenceView, ParticipantView } from '@/lib/conference';

/** A half-open stretch `[from, to)` of epoch milliseconds. */
export type Span = { from: number; to: number };

/** A stretch during which the number of counted parties did not change. */
export type CountStep = Span & { count: number };

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** The call's end as history keeps it; a view without one has not ended and cannot be reported. */
export function endOf(view: ConferenceView): number {
  if (view.endedAt === null) throw new Error(`conference ${view.id} has not ended`);
  return Date.parse(view.endedAt);
}

/** Counted towards the cap (R1, R2, M8): no supervisors, no parties that only a CCP reported. */
export function isCountedParty(p: Pick<ParticipantView, 'role' | 'ccpOnly'>): boolean {
  return p.role !== 'supervisor' && !p.ccpOnly;
}

/**
 * When a party counted: from its dialling (or, unseen dialling, its joining) to its leaving or the
 * end of the call. A party known by neither a dialling nor a joining time never counted.
 */
export function presenceOf(p: ParticipantView, endedAt: number): Span | null {
  const from = ms(p.dialingAt) ?? ms(p.joinedAt);
  if (from === null) return null;
  const to = Math.min(ms(p.leftAt) ?? endedAt, endedAt);
  return { from, to: Math.max(from, to) };
}

/** A party's intervals (holds, mutes) with open ends closed at the call's end. */
export function closedSpans(intervals: ParticipantView['holds'], endedAt: number): Span[] {
  return intervals.map((i) => ({ from: Date.parse(i.from), to: ms(i.to) ?? endedAt }));
}

/**
 * The counted-party count as a step function from the call's start to its end. Changes at the same
 * instant are applied together, so a party leaving as another joins is no dip and no peak.
 */
export function countedSteps(
  view: ConferenceView,
  include: (p: ParticipantView) => boolean = isCountedParty,
): CountStep[] {
  const startedAt = Date.parse(view.startedAt);
  const endedAt = endOf(view);
  const deltas = new Map<number, number>();
  for (const p of view.participants) {
    if (!include(p)) continue;
    const span = presenceOf(p, endedAt);
    if (!span || span.to <= span.from) continue;
    deltas.set(span.from, (deltas.get(span.from) ?? 0) + 1);
    deltas.set(span.to, (deltas.get(span.to) ?? 0) - 1);
  }
  const times = [...new Set([startedAt, ...deltas.keys(), endedAt])].sort((a, b) => a - b);
  const steps: CountStep[] = [];
  let count = 0;
  for (let i = 0; i < times.length - 1; i++) {
    const from = times[i]!;
    count += deltas.get(from) ?? 0;
    const to = times[i + 1]!;
    if (from < startedAt || to > endedAt) continue;
    const last = steps[steps.length - 1];
    if (last && last.count === count && last.to === from) last.to = to;
    else steps.push({ from, to, count });
  }
  return steps;
}

/** Total length of the steps that satisfy `test`. */
export function durationWhere(steps: readonly CountStep[], test: (count: number) => boolean): number {
  return steps.reduce((sum, s) => (test(s.count) ? sum + s.to - s.from : sum), 0);
}

/** How many times the count rose from below `level` to `level` or more. */
export function timesReached(steps: readonly CountStep[], level: number): number {
  let times = 0;
  let below = true;
  for (const s of steps) {
    if (s.count >= level && below) times += 1;
    below = s.count < level;
  }
  return times;
}

/** The overlap of two sorted lists of disjoint spans. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i]!.from, b[j]!.from);
    const to = Math.min(a[i]!.to, b[j]!.to);
    if (to > from) {
      const last = out[out.length - 1];
      if (last && last.to === from) last.to = to;
      else out.push({ from, to });
    }
    if (a[i]!.to < b[j]!.to) i++;
    else j++;
  }
  return out;
}
