import { describe, expect, test } from 'vitest';
import { answeredAgentLeg, contact, leg, ROOT, sec, twoPartyCall } from './test-helpers/builders';
import { party, run, viewOf } from './test-helpers/run';

describe('contact events → conferences', () => {
  test('M1 the root is the contact whose initialContactId is absent or its own; children join it', () => {
    const state = run([
      contact('INITIATED', sec(0)),
      contact('INITIATED', sec(5), { ...leg('child'), rootId: ROOT }),
      contact('INITIATED', sec(1), { contactId: 'other-root', rootId: 'other-root' }),
    ]);
    expect([...state.conferences.keys()].sort()).toEqual(['other-root', ROOT]);
    expect(state.conferences.get(ROOT)!.model.legs.has('child')).toBe(true);
  });

  test('M2 any root event creates the conference and a connected customer; it is listed only once an agent connects', () => {
    const state = run([contact('QUEUED', sec(3), { queue: 'Mortgages' })]);
    const model = state.conferences.get(ROOT)!.model;
    expect(model.participants.get(`c:${ROOT}`)!.stage).toBe('connected');
    expect(model.listedAt).toBeUndefined();
    expect(model.queue?.name).toBe('Mortgages');
    const listed = run([
      contact('QUEUED', sec(3)),
      contact('CONNECTED_TO_AGENT', sec(9), { agent: 'alice' }),
    ]);
    expect(listed.conferences.get(ROOT)!.model.listedAt).toBe(sec(9));
  });

  test('M3 CONNECTED_TO_AGENT on the root makes that agent the connected primary', () => {
    const view = viewOf(
      run([contact('INITIATED', sec(0)), contact('CONNECTED_TO_AGENT', sec(4), { agent: 'alice' })]),
    );
    const primary = party(view, `a:${ROOT}`);
    expect(primary).toMatchObject({ role: 'agent', primary: true, state: 'connected' });
    expect(primary.agentArn).toContain('agent/alice');
    expect(party(view, `c:${ROOT}`).state).toBe('connected');
  });

  test('M4 TRANSFER legs add a dialing agent that connects with its ARN', () => {
    const dialing = viewOf(run([...twoPartyCall(), contact('INITIATED', sec(10), leg('t1'))]));
    expect(party(dialing, 'a:t1')).toMatchObject({ state: 'dialing', primary: false, agentArn: null });
    const connected = viewOf(
      run([
        ...twoPartyCall(),
        contact('INITIATED', sec(10), leg('t1')),
        contact('CONNECTED_TO_AGENT', sec(15), { ...leg('t1'), agent: 'bob' }),
      ]),
    );
    expect(party(connected, 'a:t1').state).toBe('connected');
    expect(party(connected, 'a:t1').agentArn).toContain('agent/bob');
  });

  test('M4 EXTERNAL_OUTBOUND adds a dialing external party that CONNECTED_TO_SYSTEM connects', () => {
    const base = [
      ...twoPartyCall(),
      contact('INITIATED', sec(10), { ...leg('x1', 'EXTERNAL_OUTBOUND'), phoneNumber: '+4930111' }),
    ];
    expect(party(viewOf(run(base)), 'x:x1')).toMatchObject({
      role: 'external',
      state: 'dialing',
      phoneNumber: '+4930111',
    });
    const answered = viewOf(
      run([...base, contact('CONNECTED_TO_SYSTEM', sec(14), leg('x1', 'EXTERNAL_OUTBOUND'))]),
    );
    expect(party(answered, 'x:x1').state).toBe('connected');
  });

  test('M4 MONITOR adds a supervisor; QUEUE_TRANSFER adds nobody', () => {
    const view = viewOf(
      run([
        ...twoPartyCall(),
        contact('INITIATED', sec(5), leg('m1', 'MONITOR')),
        contact('CONNECTED_TO_AGENT', sec(6), { ...leg('m1', 'MONITOR'), agent: 'sue' }),
        contact('INITIATED', sec(7), leg('q1', 'QUEUE_TRANSFER')),
      ]),
    );
    expect(party(view, 's:m1')).toMatchObject({ role: 'supervisor', state: 'connected' });
    expect(view.participants.map((p) => p.id)).not.toContain('a:q1');
    expect(view.activeParticipants).toBe(2);
  });

  test('M5 DISCONNECTED on a child leg disconnects that party; on the root, the customer only', () => {
    const view = viewOf(
      run([
        ...twoPartyCall(),
        ...answeredAgentLeg('t1', 10, { agent: 'bob' }),
        contact('DISCONNECTED', sec(30)),
      ]),
    );
    expect(party(view, `c:${ROOT}`)).toMatchObject({
      state: 'disconnected',
      leftAt: new Date(sec(30)).toISOString(),
    });
    expect(party(view, `a:${ROOT}`).state).toBe('connected');
    expect(party(view, 'a:t1').state).toBe('connected');
    expect(view.state).toBe('active');
  });

  test('M5 a COMPLETED leg (after-contact work ended) means its agent has left at the ACW start', () => {
    const view = viewOf(
      run([
        ...twoPartyCall(),
        ...answeredAgentLeg('t1', 10, { agent: 'bob' }),
        ...answeredAgentLeg('t2', 14, { agent: 'carol' }),
        contact('COMPLETED', sec(90), { ...leg('t1'), acwAt: sec(40) }),
      ]),
    );
    expect(party(view, 'a:t1')).toMatchObject({
      state: 'disconnected',
      leftAt: new Date(sec(40)).toISOString(),
    });
  });

  test('M6 the Contact Lens flag is per leg and the call has it on while any active leg has it on', () => {
    const events = [
      ...twoPartyCall({ contactLens: false }),
      ...answeredAgentLeg('t1', 10, { agent: 'bob', contactLens: true }),
    ];
    const on = viewOf(run(events));
    expect(on.contactLens).toBe(true);
    expect(on.contactTree.contactLens).toBe(false);
    expect(on.contactTree.children[0]!.contactLens).toBe(true);
    const off = viewOf(run([...events, contact('DISCONNECTED', sec(20), leg('t1'))]));
    expect(off.contactLens).toBe(false);
  });

  test('M6 a later event on the leg can switch Contact Lens off (CONTACT_DATA_UPDATED)', () => {
    const view = viewOf(
      run([
        ...twoPartyCall({ contactLens: true }),
        contact('CONTACT_DATA_UPDATED', sec(5), { contactLens: false }),
      ]),
    );
    expect(view.contactLens).toBe(false);
  });
});
