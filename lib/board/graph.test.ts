import { describe, expect, test } from 'vitest';
import { fadeLeft, hasFadingParty, layoutParticipants, LEAVE_FADE_MS } from './graph';
import { at, party, T0 } from './test-helpers/builders';

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe('participant graph layout', () => {
  test('R22 the customer is on top; then the primary agent, other agents, external parties', () => {
    const layout = layoutParticipants(
      [
        party('x:1', 'external'),
        party('s:1', 'supervisor'),
        party('a:2', 'agent'),
        party('c:1', 'customer'),
        party('a:1', 'agent', { primary: true }),
      ],
      T0,
    );
    expect(layout.customer?.id).toBe('c:1');
    expect(ids(layout.parties)).toEqual(['a:1', 'a:2', 'x:1']);
  });

  test('R2 supervisors are laid out apart from the counted parties', () => {
    const layout = layoutParticipants([party('c:1', 'customer'), party('s:1', 'supervisor')], T0);
    expect(ids(layout.supervisors)).toEqual(['s:1']);
    expect(layout.parties).toEqual([]);
  });

  test('M8 a party seen only by a CCP comes after the confirmed ones of its role', () => {
    const layout = layoutParticipants(
      [
        party('p:1', 'agent', { ccpOnly: true }),
        party('a:2', 'agent'),
        party('a:1', 'agent', { primary: true }),
      ],
      T0,
    );
    expect(ids(layout.parties)).toEqual(['a:1', 'a:2', 'p:1']);
    expect(layout.parties[2]?.ccpOnly).toBe(true);
  });

  test('a party that left fades for a few seconds after leftAt, then is hidden', () => {
    const left = party('x:1', 'external', { state: 'disconnected', leftAt: at(10) });
    const soon = layoutParticipants([left], T0 + 12_000);
    expect(soon.parties[0]?.fadeLeftMs).toBe(LEAVE_FADE_MS - 2_000);
    expect(layoutParticipants([left], T0 + 10_000 + LEAVE_FADE_MS).parties).toEqual([]);
    expect(hasFadingParty([left], T0 + 12_000)).toBe(true);
    expect(hasFadingParty([left], T0 + 60_000)).toBe(false);
  });

  test('E4 an ended call keeps its roster in place; the detail page lists the gone apart', () => {
    const left = party('x:1', 'external', { state: 'disconnected', leftAt: at(10) });
    expect(ids(layoutParticipants([left], T0 + 60_000, { gone: 'inline' }).parties)).toEqual(['x:1']);
    const apart = layoutParticipants([left], T0 + 60_000, { gone: 'apart' });
    expect(apart.parties).toEqual([]);
    expect(ids(apart.gone)).toEqual(['x:1']);
  });

  test('a leave with no known time is not faded (there is nothing to count from)', () => {
    expect(fadeLeft(null, T0)).toBeNull();
  });

  test('A3 a held party carries when its hold began, from the summary or from its intervals', () => {
    const summary = party('c:1', 'customer', { state: 'hold', holdSince: at(30) });
    expect(layoutParticipants([summary], T0).customer?.holdSince).toBe(at(30));
    const { holdSince: _h, ...view } = party('c:1', 'customer', { state: 'hold' });
    const full = {
      ...view,
      holds: [
        { from: at(5), to: at(9) },
        { from: at(40), to: null },
      ],
    };
    expect(layoutParticipants([full], T0).customer?.holdSince).toBe(at(40));
    expect(layoutParticipants([{ ...full, state: 'connected' as const }], T0).customer?.holdSince).toBeNull();
  });

  test('nodes carry the state, mute and name the markup shows', () => {
    const [node] = layoutParticipants(
      [party('a:1', 'agent', { primary: true, name: 'Elif', muted: true, forcedMute: true })],
      T0,
    ).parties;
    expect(node).toMatchObject({
      name: 'Elif',
      roleText: 'Primary agent',
      state: 'connected',
      mute: 'forced',
    });
  });
});
