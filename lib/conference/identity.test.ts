import { describe, expect, test } from 'vitest';
import type { DomainEvent } from './events';
import {
  agentArn,
  agentContact,
  agentSnapshot,
  ccp,
  connection,
  contact,
  leg,
  ROOT,
  sec,
} from './test-helpers/builders';
import { party, run, viewOf } from './test-helpers/run';
import type { ConferenceView } from './view-schema';

const twoParty = (): DomainEvent[] => [
  contact('INITIATED', sec(0)),
  contact('CONNECTED_TO_AGENT', sec(2), { agent: 'alice' }),
  agentSnapshot('alice', sec(2.1), [agentContact('CONNECTED')]),
];

/** Timeline entries as `party kind`, for the parties (not alerts). */
const entries = (view: ConferenceView) =>
  view.timeline.filter((e) => e.participantId !== null).map((e) => `${e.participantId} ${e.kind}`);

/** Every timeline entry names a listed party, and no party's dialing, joining or leaving is told twice. */
function expectOneIdentity(view: ConferenceView) {
  const ids = new Set(view.participants.map((p) => p.id));
  expect(view.timeline.filter((e) => e.participantId !== null && !ids.has(e.participantId))).toEqual([]);
  const stages = entries(view).filter((e) => / (dialing|joined|left)$/.test(e));
  expect(stages).toEqual([...new Set(stages)]);
}

describe('M9 one identity per party across sources', () => {
  test('M9 an agent the CCP reports ringing before its leg is known: one party, one dialing, one joined, its directory name', () => {
    const events = [
      ...twoParty(),
      ccp('alice', sec(10), [connection('agent', 'connecting', { agent: 'bob' })]),
      contact('INITIATED', sec(10.02), leg('t1')),
      ccp('alice', sec(15), [connection('agent', 'connected', { agent: 'bob', muted: false })]),
      contact('CONNECTED_TO_AGENT', sec(15.02), { ...leg('t1'), agent: 'bob' }),
      agentSnapshot('bob', sec(15.05), [agentContact('CONNECTED', { contactId: 't1' })]),
    ];
    const view = viewOf(run(events));
    expect(view.participants.map((p) => p.id)).toEqual([`c:${ROOT}`, `a:${ROOT}`, 'a:t1']);
    expect(party(view, 'a:t1')).toMatchObject({ name: 'Bob Agent', agentArn: agentArn('bob'), muted: false });
    expect(entries(view).filter((e) => e.startsWith('a:t1'))).toEqual(['a:t1 dialing', 'a:t1 joined']);
    expectOneIdentity(view);
  });

  test('M9 an external party the CCP names by quick connect before its leg: one party, named by the quick connect', () => {
    const number = '+49302104133';
    const events = [
      ...twoParty(),
      ccp('alice', sec(10), [
        connection('external', 'connecting', { phoneNumber: number, name: 'Interpreting service' }),
      ]),
      contact('INITIATED', sec(10.03), { ...leg('x1', 'EXTERNAL_OUTBOUND'), phoneNumber: number }),
      contact('CONNECTED_TO_SYSTEM', sec(14), leg('x1', 'EXTERNAL_OUTBOUND')),
    ];
    const view = viewOf(run(events));
    expect(view.participants.filter((p) => p.role === 'external').map((p) => p.id)).toEqual(['x:x1']);
    expect(party(view, 'x:x1')).toMatchObject({ name: 'Interpreting service', phoneNumber: number });
    expect(entries(view).filter((e) => e.startsWith('x:'))).toEqual(['x:x1 dialing', 'x:x1 joined']);
    expectOneIdentity(view);
  });

  test('M9 a party a CCP knows only by a quick-connect name joins the leg once that leg carries the name', () => {
    const events = [
      ...twoParty(),
      ccp('alice', sec(10), [connection('agent', 'connecting', { name: 'Mortgage desk' })]),
      contact('INITIATED', sec(10.03), leg('t1')),
      ccp('alice', sec(11), [connection('agent', 'connecting', { name: 'Mortgage desk' })]),
      contact('CONNECTED_TO_AGENT', sec(20), { ...leg('t1'), agent: 'vera' }),
      agentSnapshot('vera', sec(20.1), [agentContact('CONNECTED', { contactId: 't1' })]),
    ];
    const view = viewOf(run(events));
    expect(view.participants.filter((p) => p.ccpOnly)).toEqual([]);
    expect(party(view, 'a:t1').name).toBe('Vera Agent');
    expectOneIdentity(view);
  });

  test('M9 a CCP listing an agent by its directory name is joined once agent events name that agent', () => {
    const events = [
      ...twoParty(),
      contact('INITIATED', sec(8), leg('t2')),
      contact('CONNECTED_TO_AGENT', sec(8.5), { ...leg('t2'), agent: 'carol' }),
      contact('INITIATED', sec(9), leg('t1')),
      contact('CONNECTED_TO_AGENT', sec(10), { ...leg('t1'), agent: 'bob' }),
      // Two agents the root invited: the CCP's name is all that tells which one this is.
      ccp('alice', sec(10.5), [connection('agent', 'connected', { name: 'Bob Agent', muted: true })]),
      agentSnapshot('bob', sec(11), [agentContact('CONNECTED', { contactId: 't1' })]),
    ];
    const view = viewOf(run(events));
    expect(view.participants.filter((p) => p.ccpOnly)).toEqual([]);
    expect(party(view, 'a:t1')).toMatchObject({ name: 'Bob Agent', muted: true });
    expect(entries(view)).toContain('a:t1 muted');
    expectOneIdentity(view);
  });

  test('M9 the order the sources arrive in does not change the joined picture', () => {
    const events = [
      ...twoParty(),
      ccp('alice', sec(10), [connection('agent', 'connecting', { agent: 'bob' })]),
      contact('INITIATED', sec(10.02), leg('t1')),
      ccp('alice', sec(15), [connection('agent', 'connected', { agent: 'bob' })]),
      contact('CONNECTED_TO_AGENT', sec(15.02), { ...leg('t1'), agent: 'bob' }),
      agentSnapshot('bob', sec(15.05), [agentContact('CONNECTED', { contactId: 't1' })]),
    ];
    expect(viewOf(run([...events].reverse()))).toEqual(viewOf(run(events)));
  });

  test('M9 two external parties dialled through the same quick connect stay two parties', () => {
    const events = [
      ...twoParty(),
      contact('INITIATED', sec(10), { ...leg('x1', 'EXTERNAL_OUTBOUND'), phoneNumber: '+4930111' }),
      ccp('alice', sec(11), [
        connection('external', 'connected', { phoneNumber: '+4930111', name: 'Notary office' }),
        connection('external', 'connecting', { phoneNumber: '+4930222', name: 'Notary office' }),
      ]),
    ];
    const view = viewOf(run(events));
    expect(view.participants.filter((p) => p.role === 'external').map((p) => p.phoneNumber)).toEqual([
      '+4930111',
      '+4930222',
    ]);
  });
});
