import { describe, expect, test } from 'vitest';
import { ensureParticipant } from '../participant-state';
import { createModel } from '../fold';
import type { ConferenceMode } from '../enums';
import type { Participant } from '../types';
import { deriveAudioPaths } from './audio';

type Setup = Partial<
  Pick<Participant, 'stage' | 'onHold' | 'muted' | 'forcedMute' | 'primary' | 'monitorMode'>
>;

function parties(spec: Record<string, [Participant['role'], Setup?]>): Participant[] {
  const model = createModel('r', 'multi-party', 0);
  return Object.entries(spec).map(([id, [role, setup]]) => {
    const p = ensureParticipant(model, { id, role, contactId: id });
    Object.assign(p, { stage: 'connected' }, setup);
    return p;
  });
}

const hears = (mode: ConferenceMode, ps: Participant[]) =>
  new Set(deriveAudioPaths(mode, ps).map((p) => `${p.listener}<${p.speaker}`));

describe('who can hear whom', () => {
  test('connected, unheld parties share the bridge', () => {
    const paths = hears(
      'multi-party',
      parties({ c: ['customer'], a: ['agent', { primary: true }], x: ['external'] }),
    );
    expect(paths).toEqual(new Set(['c<a', 'c<x', 'a<c', 'a<x', 'x<c', 'x<a']));
  });

  test('R19 while the agent greets a new party privately, the held parties hear nobody', () => {
    const paths = hears(
      'multi-party',
      parties({ c: ['customer', { onHold: true }], a: ['agent', { primary: true }], x: ['external'] }),
    );
    expect(paths).toEqual(new Set(['a<x', 'x<a']));
  });

  test('R20 after join everyone hears everyone', () => {
    const paths = hears(
      'multi-party',
      parties({ c: ['customer'], a: ['agent', { primary: true }], b: ['agent'], x: ['external'] }),
    );
    expect(paths.size).toBe(12);
  });

  test('a muted or force-muted party is heard by nobody but still hears', () => {
    const paths = hears(
      'multi-party',
      parties({
        c: ['customer', { muted: true }],
        a: ['agent', { primary: true }],
        b: ['agent', { forcedMute: true }],
      }),
    );
    expect(paths).toEqual(new Set(['c<a', 'b<a']));
  });

  test('a dialling party hears nobody', () => {
    const paths = hears(
      'multi-party',
      parties({ c: ['customer'], a: ['agent', { primary: true }], x: ['external', { stage: 'dialing' }] }),
    );
    expect(paths).toEqual(new Set(['c<a', 'a<c']));
  });

  test('R11 three-party: a held secondary agent can still talk with the primary agent', () => {
    const ps = parties({ c: ['customer'], a: ['agent', { primary: true }], b: ['agent', { onHold: true }] });
    expect(hears('three-party', ps)).toEqual(new Set(['c<a', 'a<c', 'a<b', 'b<a']));
  });

  test('R11 multi-party: held secondary agents cannot talk with each other until taken off hold', () => {
    const ps = parties({
      c: ['customer'],
      a: ['agent', { primary: true }],
      b: ['agent', { onHold: true }],
      d: ['agent', { onHold: true }],
    });
    expect(hears('multi-party', ps)).toEqual(new Set(['c<a', 'a<c']));
  });

  test('R2 a silent monitor hears the bridge and is heard by nobody; a barging supervisor speaks', () => {
    const silent = hears(
      'multi-party',
      parties({
        c: ['customer'],
        a: ['agent', { primary: true }],
        s: ['supervisor', { monitorMode: 'silent' }],
      }),
    );
    expect(silent).toEqual(new Set(['c<a', 'a<c', 's<c', 's<a']));
    const barge = hears(
      'multi-party',
      parties({
        c: ['customer'],
        a: ['agent', { primary: true }],
        s: ['supervisor', { monitorMode: 'barge' }],
      }),
    );
    expect(barge.has('c<s')).toBe(true);
  });
});
