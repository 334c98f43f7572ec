import { describe, expect, test } from 'vitest';
import { deriveAudioPaths, type ConferenceMode } from '@/lib/conference';
import { ccp, connection, contact, leg, sec } from '@/lib/conference/test-helpers/builders';
import { run, viewOf } from '@/lib/conference/test-helpers/run';
import { describeAudio, toEngineParticipant } from './audio';
import { party } from './test-helpers/builders';

const pathsOf = (mode: ConferenceMode, parties: Parameters<typeof toEngineParticipant>[0][]) =>
  new Set(deriveAudioPaths(mode, parties.map(toEngineParticipant)).map((p) => `${p.listener}<${p.speaker}`));

describe('who hears whom, from served parties', () => {
  test('the adapter gives the engine the same answer as the folded model', () => {
    const events = [
      contact('INITIATED', sec(0)),
      contact('CONNECTED_TO_AGENT', sec(5), { agent: 'ada' }),
      contact('INITIATED', sec(20), leg('leg-2')),
      contact('CONNECTED_TO_AGENT', sec(25), { ...leg('leg-2'), agent: 'bo' }),
      contact('INITIATED', sec(30), { ...leg('leg-3', 'EXTERNAL_OUTBOUND'), phoneNumber: '+49309' }),
      contact('CONNECTED_TO_SYSTEM', sec(35), leg('leg-3', 'EXTERNAL_OUTBOUND')),
      ccp('ada', sec(40), [
        connection('self', 'connected', { muted: false }),
        connection('customer', 'hold'),
        connection('agent', 'connected', { agent: 'bo', muted: true }),
        connection('external', 'connected', { phoneNumber: '+49309' }),
      ]),
    ];
    const state = run(events);
    const model = state.conferences.get('root-1')!.model;
    const fromModel = new Set(
      deriveAudioPaths(model.mode, [...model.participants.values()]).map((p) => `${p.listener}<${p.speaker}`),
    );
    const view = viewOf(state);
    expect(view.participants.map((p) => `${p.id}:${p.state}:${p.muted}`)).toEqual([
      'c:root-1:hold:null',
      'a:root-1:connected:false',
      'a:leg-2:connected:true',
      'x:leg-3:connected:null',
    ]);
    expect(pathsOf(model.mode, view.participants)).toEqual(fromModel);
    expect(fromModel).toEqual(
      new Set(['a:root-1<x:leg-3', 'a:leg-2<a:root-1', 'a:leg-2<x:leg-3', 'x:leg-3<a:root-1']),
    );
  });

  test('R19 a held party hears nobody and is heard by nobody, in words', () => {
    const rows = describeAudio('multi-party', [
      party('c:1', 'customer', { state: 'hold', phoneNumber: '+49301' }),
      party('a:1', 'agent', { primary: true, name: 'Ada' }),
      party('x:1', 'external', { phoneNumber: '+49302' }),
    ]);
    expect(rows[0]).toEqual({
      id: 'c:1',
      name: '+49301',
      hears: [],
      hearsIds: [],
      heardBy: [],
      note: 'on hold: hears nobody, nobody hears them',
    });
    expect(rows[1]).toMatchObject({ hears: ['+49302'], hearsIds: ['x:1'], heardBy: ['+49302'], note: null });
  });

  test('R11 three-party: a held secondary agent still talks with the primary agent', () => {
    const rows = describeAudio('three-party', [
      party('c:1', 'customer', { phoneNumber: '+49301' }),
      party('a:1', 'agent', { primary: true, name: 'Ada' }),
      party('a:2', 'agent', { name: 'Bo', state: 'hold' }),
    ]);
    const bo = rows.find((r) => r.id === 'a:2');
    expect(bo).toMatchObject({
      hears: ['Ada'],
      heardBy: ['Ada'],
      note: 'on hold: talks only with the primary agent (R11)',
    });
  });

  test('R18 a force-muted agent still hears but nobody hears it; parties that left are not listed', () => {
    const rows = describeAudio('multi-party', [
      party('c:1', 'customer', { phoneNumber: '+49301' }),
      party('a:1', 'agent', { primary: true, name: 'Ada', muted: true, forcedMute: true }),
      party('x:1', 'external', { state: 'disconnected' }),
    ]);
    expect(rows.map((r) => r.id)).toEqual(['c:1', 'a:1']);
    expect(rows[1]).toMatchObject({
      hears: ['+49301'],
      heardBy: [],
      note: 'force-muted by a supervisor: nobody hears them',
    });
  });

  test('R2 a silent monitor listens and is never heard', () => {
    const rows = describeAudio('multi-party', [
      party('c:1', 'customer', { phoneNumber: '+49301' }),
      party('a:1', 'agent', { primary: true, name: 'Ada' }),
      party('s:1', 'supervisor', { name: 'Sam', monitorMode: 'silent' }),
    ]);
    expect(rows[2]).toMatchObject({
      hears: ['+49301', 'Ada'],
      heardBy: [],
      note: 'silent monitor: listens, is never heard',
    });
  });
});
