import { afterAll, beforeAll, expect, test } from 'vitest';
import { agentContact, agentEvent, contactEvent } from '@/server/test-helpers/raw-builders';
import { connectBoardClient, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

const GROUP = (name: string) =>
  `arn:aws:connect:eu-central-1:111122223333:instance/11111111-2222-3333-4444-555555555555/agent-group/${name}`;

/** An agent event for `agent` on `root` whose configuration places the agent in `group`. */
function agentInGroup(agent: string, root: string, s: number, group: string) {
  const event = agentEvent(agent, s, [agentContact('CONNECTED', { root, since: 1 })]);
  (event.CurrentAgentSnapshot.Configuration as Record<string, unknown>).AgentHierarchyGroups = {
    Level1: { ARN: GROUP(group), Name: group },
  };
  return event;
}

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar({ PUSH_COALESCE_MS: '0', SOCKET_RESYNC_MIN_MS: '0' });
});
afterAll(() => sidecar.stop());

test('S2 a call moves between scopes when its agent’s hierarchy group is learned or changes, even when nothing on its card changes', async () => {
  const root = 'moves-1';
  // The agent event comes at the time of the call's last contact event: the card itself stays the same.
  expect(
    (
      await sidecar.post('contact-events', [
        contactEvent('INITIATED', 0, { root }),
        contactEvent('CONNECTED_TO_AGENT', 2, { root, agent: 'ada' }),
      ])
    ).status,
  ).toBe(202);
  const paris = await sidecar.token('supervisor', { groups: ['paris'] });
  const berlin = await sidecar.token('supervisor', { groups: ['berlin'] });
  const parisBoard = connectBoardClient(sidecar.url, paris);
  const berlinBoard = connectBoardClient(sidecar.url, berlin);
  try {
    await parisBoard.until(() => parisBoard.snapshots.length === 1);
    await berlinBoard.until(() => berlinBoard.snapshots.length === 1);
    expect(parisBoard.snapshots[0]!.conferences.map((c) => c.id)).not.toContain(root);
    expect((await sidecar.get(`/api/conferences/${root}`, paris)).status).toBe(404);

    // The agent stream names the agent's group: the call is now Paris's, on the board and in REST.
    expect((await sidecar.post('agent-events', agentInGroup('ada', root, 2, 'paris'))).status).toBe(202);
    await parisBoard.until(() => parisBoard.patches.some((p) => p.upserts.some((c) => c.id === root)));
    expect((await sidecar.get(`/api/conferences/${root}`, paris)).status).toBe(200);
    expect((await sidecar.get(`/api/conferences/${root}`, berlin)).status).toBe(404);

    // The agent moves to Berlin: Paris loses the call, Berlin gets it.
    expect((await sidecar.post('agent-events', agentInGroup('ada', root, 3, 'berlin'))).status).toBe(202);
    await parisBoard.until(() => parisBoard.patches.some((p) => p.removed.includes(root)));
    await berlinBoard.until(() => berlinBoard.patches.some((p) => p.upserts.some((c) => c.id === root)));
    expect((await sidecar.get(`/api/conferences/${root}`, paris)).status).toBe(404);
    expect((await sidecar.get(`/api/conferences/${root}`, berlin)).status).toBe(200);
  } finally {
    parisBoard.close();
    berlinBoard.close();
  }
});
