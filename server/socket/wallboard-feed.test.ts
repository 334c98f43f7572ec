import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_EVENTS } from '@/lib/realtime';
import { ccpSnapshot, contactEvent } from '@/server/test-helpers/raw-builders';
import {
  connectBoardClient,
  startTestSidecar,
  type BoardClient,
  type TestSidecar,
} from '@/server/test-helpers/test-sidecar';

const WALLBOARD_TOKEN = 'wallboard-env-token-0123456789abcdef';
const CUSTOMER = '+4930229144101';
const NOTARY = '+4930885312009';
const CCP_ONLY = '+4915123456789';

let sidecar: TestSidecar;
const clients: BoardClient[] = [];
beforeAll(async () => {
  sidecar = await startTestSidecar({ PUSH_COALESCE_MS: '20', WALLBOARD_TOKEN });
});
afterEach(() => clients.splice(0).forEach((c) => c.close()));
afterAll(() => sidecar.stop());

function client(token: string): BoardClient {
  const c = connectBoardClient(sidecar.url, token);
  clients.push(c);
  return c;
}

/** A conference whose customer, an external party and a party only a CCP reports all have numbers. */
async function postNumberedCall(root: string): Promise<void> {
  await sidecar.post('contact-events', [
    contactEvent('INITIATED', 0, { root, phone: CUSTOMER, queue: 'Claims' }),
    contactEvent('CONNECTED_TO_AGENT', 2, { root, agent: 'alice', queue: 'Claims' }),
    contactEvent('INITIATED', 5, {
      root,
      contactId: `${root}-x`,
      method: 'EXTERNAL_OUTBOUND',
      phone: NOTARY,
    }),
    contactEvent('CONNECTED_TO_SYSTEM', 6, { root, contactId: `${root}-x`, method: 'EXTERNAL_OUTBOUND' }),
  ]);
  await sidecar.post('ccp', [
    ccpSnapshot(
      'alice',
      8,
      [
        { kind: 'self', state: 'connected' },
        { kind: 'customer', state: 'connected', phoneNumber: CUSTOMER },
        { kind: 'external', state: 'connected', phoneNumber: CCP_ONLY, name: `Interpreter ${CCP_ONLY}` },
      ],
      { root },
    ),
  ]);
}

const raw = (c: BoardClient) => JSON.stringify([c.snapshots, c.patches]);
const digitsOf = (n: string) => n.replace(/\D/g, '');

describe('the wallboard role on the socket', () => {
  test('a wallboard credential never receives a raw phone number, in snapshots or patches; a supervisor does', async () => {
    const wall = client(WALLBOARD_TOKEN);
    const kiosk = client(await sidecar.token('wallboard'));
    const supervisor = client(await sidecar.token('supervisor'));
    for (const c of [wall, kiosk, supervisor]) await c.until(() => c.snapshots.length === 1);
    await postNumberedCall('wb-1');
    const holds = (c: BoardClient, n: number) => () =>
      c.pushes.some((p) => p.card.id === 'wb-1' && p.card.participants.length >= n);
    await supervisor.until(holds(supervisor, 4));
    await wall.until(holds(wall, 4));
    await kiosk.until(holds(kiosk, 4));

    expect(raw(supervisor)).toContain(CUSTOMER);
    for (const c of [wall, kiosk]) {
      const text = raw(c);
      for (const number of [CUSTOMER, NOTARY, CCP_ONLY]) {
        expect(text).not.toContain(number);
        // Not even the middle digits, in any spelling.
        expect(text).not.toContain(digitsOf(number).slice(4, 11));
      }
      const card = c.pushes.findLast((p) => p.card.id === 'wb-1')!.card;
      expect(card.participants.find((p) => p.role === 'customer')!.phoneNumber).toBe('+49 30 ••• •• •• 01');
    }

    // A fresh snapshot (what a reconnecting wallboard gets) is masked the same way.
    const later = client(WALLBOARD_TOKEN);
    await later.until(() => later.snapshots.length === 1);
    const card = later.snapshots[0]!.conferences.find((c) => c.id === 'wb-1')!;
    expect(card.participants).toHaveLength(4);
    expect(JSON.stringify(card)).not.toContain(digitsOf(CCP_ONLY).slice(4, 11));
    expect(card.participants.map((p) => p.id)).toEqual(
      wall.pushes.findLast((p) => p.card.id === 'wb-1')!.card.participants.map((p) => p.id),
    );
  });

  test('the wallboard role may not watch a conference in full', async () => {
    await postNumberedCall('wb-2');
    const wall = client(WALLBOARD_TOKEN);
    await wall.until(() => wall.snapshots.some((s) => s.conferences.some((c) => c.id === 'wb-2')));
    wall.socket.emit(CLIENT_EVENTS.watch, { id: 'wb-2' });
    const admin = client(await sidecar.token('admin'));
    await admin.until(() => admin.snapshots.length === 1);
    admin.socket.emit(CLIENT_EVENTS.watch, { id: 'wb-2' });
    await admin.until(() => admin.details.length > 0);
    expect(wall.details).toEqual([]);
  });
});
