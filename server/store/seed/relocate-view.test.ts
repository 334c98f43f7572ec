import { describe, expect, test } from 'vitest';
import { computeReportFacts } from '@/lib/reports/report-facts';
import { ConferenceViewSchema } from '@/lib/realtime/conference-view-schema';
import { buildEngineView } from '../test-fixtures/engine-view';
import { relocateView } from './relocate-view';

describe('seed: a call moved to another day', () => {
  test('every time moves by the shift, every leg gets a new id, the figures stay the same', () => {
    const view = buildEngineView();
    let n = 0;
    const moved = relocateView(view, 86_400_000, () => `new-${++n}`);
    expect(ConferenceViewSchema.parse(moved)).toEqual(moved);
    expect(Date.parse(moved.startedAt) - Date.parse(view.startedAt)).toBe(86_400_000);
    expect(Date.parse(moved.endedAt!) - Date.parse(view.endedAt!)).toBe(86_400_000);
    expect(moved.id).toBe('new-1');
    expect(JSON.stringify(moved)).not.toMatch(/root-1|leg-2|leg-3/);
    expect(moved.participants.map((p) => p.id)).toEqual(
      view.participants.map((p) =>
        p.id.replace('root-1', 'new-1').replace('leg-2', 'new-2').replace('leg-3', 'new-3'),
      ),
    );
    const before = computeReportFacts(view);
    const after = computeReportFacts(moved);
    expect({
      ...after,
      id: before.id,
      startedAt: before.startedAt,
      endedAt: before.endedAt,
      counted: [],
    }).toEqual({
      ...before,
      counted: [],
    });
  });
});
