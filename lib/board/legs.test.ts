import { describe, expect, test } from 'vitest';
import type { ContactTreeView } from '@/lib/conference';
import { describeLegs } from './legs';
import { at, party } from './test-helpers/builders';

function node(contactId: string, o: Partial<ContactTreeView> = {}): ContactTreeView {
  return {
    contactId,
    previousContactId: null,
    nextContactId: null,
    method: 'TRANSFER',
    participantIds: [],
    status: 'joined',
    label: null,
    initiatedAt: at(0),
    connectedAt: at(5),
    disconnectedAt: null,
    contactLens: null,
    children: [],
    ...o,
  };
}

describe('contact-id tree in words', () => {
  test('R28 the tree keeps who invited whom, with method, parties and state', () => {
    const tree = node('root', {
      method: 'INBOUND',
      label: 'initial',
      participantIds: ['c:root', 'a:root'],
      children: [
        node('leg-2', {
          previousContactId: 'root',
          participantIds: ['a:leg-2'],
          children: [
            node('leg-3', {
              method: 'EXTERNAL_OUTBOUND',
              previousContactId: 'leg-2',
              status: 'dialing',
              participantIds: ['x:leg-3'],
            }),
          ],
        }),
      ],
    });
    const parties = [
      party('c:root', 'customer', { phoneNumber: '+49301' }),
      party('a:root', 'agent', { primary: true, name: 'Ada' }),
      party('a:leg-2', 'agent', { name: 'Bo' }),
      party('x:leg-3', 'external', { phoneNumber: '+49309' }),
    ];
    const legs = describeLegs(tree, parties);
    expect(legs).toMatchObject({
      methodText: 'Inbound call',
      labelText: 'Initial contact',
      parties: ['Customer +49301', 'Primary agent Ada'],
    });
    const leg2 = legs.children[0]!;
    expect(leg2).toMatchObject({
      contactId: 'leg-2',
      methodText: 'Agent added (transfer leg)',
      statusText: 'Joined',
      parties: ['Agent Bo'],
    });
    expect(leg2.children[0]).toMatchObject({
      contactId: 'leg-3',
      methodText: 'External number dialed',
      statusText: 'Dialing',
    });
  });

  test('R29 a live leg has no label; an ended one shows what it turned out to be', () => {
    expect(describeLegs(node('l'), []).labelText).toBeNull();
    const ended = describeLegs(node('l', { status: 'left', label: 'consult', disconnectedAt: at(60) }), []);
    expect(ended).toMatchObject({ statusText: 'Left', labelText: 'Consult', disconnectedAt: at(60) });
  });
});
