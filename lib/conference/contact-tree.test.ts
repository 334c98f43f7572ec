import { describe, expect, test } from 'vitest';
import {
  agentContact,
  agentSnapshot,
  answeredAgentLeg,
  ccp,
  connection,
  contact,
  leg,
  ROOT,
  sec,
  twoPartyCall,
} from './test-helpers/builders';
import { run, viewOf } from './test-helpers/run';
import type { ContactTreeView } from './view-schema';

const flatten = (node: ContactTreeView): ContactTreeView[] => [node, ...node.children.flatMap(flatten)];
const node = (tree: ContactTreeView, id: string) => flatten(tree).find((n) => n.contactId === id)!;

describe('contact-id tree', () => {
  test('R28 every added party is its own leg under the leg that invited it; the root keeps the last leg it invited', () => {
    const tree = viewOf(
      run([
        ...twoPartyCall(),
        ...answeredAgentLeg('t1', 10),
        ...answeredAgentLeg('t2', 20, { previous: 't1' }),
        ...answeredAgentLeg('t3', 30),
      ]),
    ).contactTree;
    expect(tree.contactId).toBe(ROOT);
    expect(tree.children.map((n) => n.contactId)).toEqual(['t1', 't3']);
    expect(node(tree, 't1').children.map((n) => n.contactId)).toEqual(['t2']);
    expect(tree.nextContactId).toBe('t3');
    expect(node(tree, 't2')).toMatchObject({ previousContactId: 't1', participantIds: ['a:t2'] });
  });

  test('R28 a leg whose inviter is unknown hangs from the root', () => {
    const tree = viewOf(
      run([...twoPartyCall(), ...answeredAgentLeg('t9', 10, { previous: 'never-seen' })]),
    ).contactTree;
    expect(tree.children.map((n) => n.contactId)).toEqual(['t9']);
  });

  test('R29 while live a leg is only what it is now: dialing, joined or left', () => {
    const v = viewOf(
      run([
        ...twoPartyCall(),
        ...answeredAgentLeg('t1', 10),
        contact('INITIATED', sec(20), leg('t2')),
        contact('INITIATED', sec(30), leg('x1', 'EXTERNAL_OUTBOUND')),
        contact('DISCONNECTED', sec(35), leg('x1', 'EXTERNAL_OUTBOUND')),
      ]),
    );
    expect(
      ['t1', 't2', 'x1'].map((id) => [node(v.contactTree, id).status, node(v.contactTree, id).label]),
    ).toEqual([
      ['joined', null],
      ['dialing', null],
      ['left', null],
    ]);
  });

  test('R29 consult: the caller was held while the consulted agent talked, and the consulted agent left first', () => {
    const v = viewOf(
      run([
        ...twoPartyCall(),
        ccp('alice', sec(9), [connection('customer', 'hold')]),
        ...answeredAgentLeg('t1', 10),
        agentSnapshot('agent-t1', sec(40), [agentContact('ENDED', leg('t1'))]),
        ccp('alice', sec(41), [connection('customer', 'connected')]),
        contact('DISCONNECTED', sec(90)),
        agentSnapshot('alice', sec(91), [agentContact('ENDED')]),
      ]),
    );
    expect(node(v.contactTree, 't1').label).toBe('consult');
  });

  test('R29 conference: the consulted agent talked with the caller, and left before the inviter', () => {
    const v = viewOf(
      run([
        ...twoPartyCall(),
        ccp('alice', sec(9), [connection('customer', 'hold')]),
        ...answeredAgentLeg('t1', 10),
        ccp('alice', sec(15), [connection('customer', 'connected')]),
        agentSnapshot('agent-t1', sec(60), [agentContact('ENDED', leg('t1'))]),
        agentSnapshot('alice', sec(90), [agentContact('ENDED')]),
        contact('DISCONNECTED', sec(90)),
      ]),
    );
    expect(node(v.contactTree, 't1').label).toBe('conference');
  });

  test('R29 transfer: the inviting agent left first (it entered after-contact work before the added agent)', () => {
    const v = viewOf(
      run([
        ...twoPartyCall(),
        ...answeredAgentLeg('t1', 10),
        agentSnapshot('alice', sec(20), [agentContact('ENDED')]),
        contact('DISCONNECTED', sec(80)),
        agentSnapshot('agent-t1', sec(80), [agentContact('ENDED', leg('t1'))]),
      ]),
    );
    expect(node(v.contactTree, 't1').label).toBe('transfer');
    expect(v.contactTree.label).toBe('initial');
  });

  test("R29 with only contact records, the inviting leg's hold duration decides consult vs conference", () => {
    const base = [
      ...twoPartyCall(),
      ...answeredAgentLeg('t1', 10),
      contact('COMPLETED', sec(50), { ...leg('t1'), acwAt: sec(40) }),
      contact('DISCONNECTED', sec(90)),
    ];
    const held = [...base, { ...contact('COMPLETED', sec(120), { acwAt: sec(95) }), holdDurationSec: 30 }];
    expect(node(viewOf(run(held)).contactTree, 't1').label).toBe('consult');
    const talked = [...base, { ...contact('COMPLETED', sec(120), { acwAt: sec(95) }), holdDurationSec: 2 }];
    expect(node(viewOf(run(talked)).contactTree, 't1').label).toBe('conference');
  });
});
