import { describe, expect, test } from 'vitest';
import { describeTimeline } from './timeline';
import { at, party } from './test-helpers/builders';

const view = {
  participants: [party('c:1', 'customer', { phoneNumber: '+49301' }), party('a:1', 'agent', { name: 'Ada' })],
  timeline: [
    { at: at(0), kind: 'joined' as const, participantId: 'a:1', alert: null },
    { at: at(5), kind: 'hold' as const, participantId: 'c:1', alert: null },
    { at: at(65), kind: 'alert-raised' as const, participantId: null, alert: 'long-hold' as const },
    { at: at(70), kind: 'force-muted' as const, participantId: 'a:1', alert: null },
    { at: at(90), kind: 'ended' as const, participantId: null, alert: null },
  ],
};

describe('timeline in words', () => {
  test('newest first by default, each entry with its time, kind and text', () => {
    const items = describeTimeline(view);
    expect(items.map((i) => i.text)).toEqual([
      'The conference ended',
      'Ada was force-muted by a supervisor',
      'Alert raised: Long customer hold (A3)',
      '+49301 was put on hold',
      'Ada joined',
    ]);
    expect(items[0]).toMatchObject({ at: at(90), kind: 'ended' });
  });

  test('oldest first on request', () => {
    expect(describeTimeline(view, 'oldest')[0]?.text).toBe('Ada joined');
  });

  test('an entry about a party the view no longer lists still reads', () => {
    const gone = (participantId: string) =>
      describeTimeline({ ...view, timeline: [{ at: at(1), kind: 'left', participantId, alert: null }] })[0]
        ?.text;
    expect(gone('x:9')).toBe('External party left');
    expect(gone('p:external:+49890709008')).toBe('External party +49 890 709 008 left');
    expect(gone('p:agent:Billing team')).toBe('Agent Billing team left');
    expect(gone('weird')).toBe('weird left');
  });
});
