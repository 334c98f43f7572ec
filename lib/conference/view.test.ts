import { describe, expect, test } from 'vitest';
import { MAX_CONTACT_TREE_DEPTH } from './bounds';
import { toConferenceCore } from './view';
import { ccp, connection, contact, leg, ROOT, sec, twoPartyCall } from './test-helpers/builders';
import { run, viewOf } from './test-helpers/run';

describe('the served view of a conference', () => {
  test('R22 the customer is always first, then the primary agent, other agents, external parties, supervisors', () => {
    const view = viewOf(
      run([
        contact('INITIATED', sec(10), leg('m1', 'MONITOR')),
        contact('CONNECTED_TO_AGENT', sec(11), { ...leg('m1', 'MONITOR'), agent: 'sue' }),
        contact('INITIATED', sec(8), leg('x1', 'EXTERNAL_OUTBOUND')),
        contact('INITIATED', sec(7), leg('t2')),
        contact('INITIATED', sec(6), leg('t1')),
        contact('CONNECTED_TO_AGENT', sec(2), { agent: 'alice' }),
        contact('INITIATED', sec(0)),
      ]),
    );
    expect(view.participants.map((p) => p.id)).toEqual([
      `c:${ROOT}`,
      `a:${ROOT}`,
      'a:t1',
      'a:t2',
      'x:x1',
      's:m1',
    ]);
  });

  test('R8 each added party names the agent whose leg invited it', () => {
    const view = viewOf(
      run([
        ...twoPartyCall(),
        contact('INITIATED', sec(5), leg('t1')),
        contact('CONNECTED_TO_AGENT', sec(6), { ...leg('t1'), agent: 'bob' }),
        contact('INITIATED', sec(9), leg('x1', 'EXTERNAL_OUTBOUND', 't1')),
      ]),
    );
    expect(view.participants.map((p) => [p.id, p.addedBy])).toEqual([
      [`c:${ROOT}`, null],
      [`a:${ROOT}`, null],
      ['a:t1', `a:${ROOT}`],
      ['x:x1', 'a:t1'],
    ]);
  });

  test('the timeline lists joins, holds, mutes and alerts in time order', () => {
    const view = viewOf(
      run([
        ...twoPartyCall({ contactLens: true }),
        ccp('alice', sec(4), [connection('customer', 'hold', { muted: true })]),
        contact('INITIATED', sec(5), leg('t1')),
      ]),
    );
    expect(view.timeline.map((e) => [e.kind, e.participantId ?? e.alert])).toEqual([
      ['joined', `c:${ROOT}`],
      ['joined', `a:${ROOT}`],
      ['hold', `c:${ROOT}`],
      ['muted', `c:${ROOT}`],
      ['dialing', 'a:t1'],
      ['alert-raised', 'contact-lens-conflict'],
      // Still on hold an hour later (the view's clock): A3 was raised a minute after the hold began.
      ['alert-raised', 'long-hold'],
    ]);
    const times = view.timeline.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  test('L3 a contact tree up to MAX_CONTACT_TREE_DEPTH legs deep is served; one leg deeper fails to build, the card does not', () => {
    /** The root and a chain of `legs` added legs, each invited by the one before. */
    const chain = (legs: number) => [
      ...twoPartyCall(),
      ...Array.from({ length: legs }, (_, i) =>
        contact('INITIATED', sec(10 + i), leg(`c${i}`, 'TRANSFER', i === 0 ? ROOT : `c${i - 1}`)),
      ),
    ];
    const deepest = viewOf(run(chain(MAX_CONTACT_TREE_DEPTH - 1)));
    let depth = 0;
    for (let node = deepest.contactTree; node; node = node.children[0]!) {
      depth += 1;
      if (node.children.length === 0) break;
    }
    expect(depth).toBe(MAX_CONTACT_TREE_DEPTH);
    expect(() => JSON.stringify(deepest)).not.toThrow();

    const tooDeep = run(chain(MAX_CONTACT_TREE_DEPTH));
    expect(() => viewOf(tooDeep)).toThrow(/L3: the contact tree is more than 100 legs deep/);
    // The board card carries no tree: it still builds.
    const record = tooDeep.conferences.get(ROOT)!;
    expect(toConferenceCore(record.model, 60_000, sec(3600)).participants.length).toBeGreaterThan(100);
  });
});
