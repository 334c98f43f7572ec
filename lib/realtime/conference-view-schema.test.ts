import { describe, expect, test } from 'vitest';
import { ConferenceViewSchema } from './conference-view-schema';
import { buildView } from '@/server/store/test-fixtures/history-builders';
import { buildEngineView } from '@/server/store/test-fixtures/engine-view';

describe('ConferenceViewSchema', () => {
  test('E4 accepts an ended conference folded by the engine, unchanged', () => {
    const view = buildEngineView();
    expect(view.state).toBe('ended');
    expect(view.contactTree.children.length).toBeGreaterThan(0);
    expect(view.alertHistory.map((a) => a.kind)).toContain('contact-lens-conflict');
    expect(ConferenceViewSchema.parse(view)).toEqual(view);
  });

  test('accepts a live conference too (it is the served view, not only the history record)', () => {
    expect(ConferenceViewSchema.safeParse(buildView('live', { endedAt: null })).success).toBe(true);
  });

  test('rejects wrong shapes deep inside, naming the path', () => {
    const view = buildView('c1');
    const cases: [unknown, string][] = [
      [{ ...view, mode: 'five-party' }, 'mode'],
      [{ ...view, startedAt: '23.11.2026' }, 'startedAt'],
      [{ ...view, peakParticipants: 2.5 }, 'peakParticipants'],
      [{ ...view, participants: [{ ...view.participants[0]!, role: 'robot' }] }, 'participants.0.role'],
      [
        {
          ...view,
          alertHistory: [{ kind: 'on-fire', severity: 'info', raisedAt: view.startedAt, clearedAt: null }],
        },
        'alertHistory.0.kind',
      ],
      [
        {
          ...view,
          contactTree: {
            ...view.contactTree,
            children: [{ ...view.contactTree.children[0]!, status: 'gone' }],
          },
        },
        'contactTree.children.0.status',
      ],
      [{ ...view, timeline: undefined }, 'timeline'],
    ];
    for (const [input, path] of cases) {
      const result = ConferenceViewSchema.safeParse(input);
      expect(result.success, path).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
    }
  });
});
