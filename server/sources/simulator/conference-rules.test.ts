import { describe, expect, test } from 'vitest';
import type { CcpSnapshot } from './test-helpers/raw-schemas';
import { activeSize, cachedRun, eventsByLeg, ms, peakSizes, type Run } from './test-helpers/runs';

const multiParty = (): Run => cachedRun({ seed: 11 }, 10);
const threeParty = (): Run => cachedRun({ seed: 11, mode: 'three-party' }, 10);

function faultConferences(run: Run): Set<string> {
  return new Set([...peakSizes(run)].filter(([, c]) => c.scenario === 'cap-exceeded').map(([id]) => id));
}

function legsByMethod(run: Run, method: string): Set<string> {
  return new Set(
    run.contactEvents.filter((e) => e.detail.initiationMethod === method).map((e) => e.detail.contactId),
  );
}

const isSupervisorView = (s: CcpSnapshot) => s.connections[0]!.monitorMode !== undefined;
const present = (s: CcpSnapshot) => s.connections.slice(1).filter((c) => c.state !== 'disconnected');

describe('size (R1–R3)', () => {
  test('R1 a ten-minute multi-party run reaches every size from 2 to 6', () => {
    const peaks = [...peakSizes(multiParty()).values()].map((c) => c.peak);
    for (const size of [2, 3, 4, 5, 6]) expect(peaks).toContain(size);
  });

  test('R1 three-party calls never exceed 3 parties, except the platform fault (A7)', () => {
    const run = threeParty();
    for (const [, c] of peakSizes(run)) {
      if (c.scenario === 'cap-exceeded') expect(c.peak).toBe(4);
      else expect(c.peak).toBeLessThanOrEqual(3);
    }
    expect(faultConferences(run).size).toBeGreaterThan(0);
  });

  test('R1 R4 the adds the platform refuses are counted, and send nothing', () => {
    const stats = multiParty().stats;
    expect(stats.refusedR1).toBeGreaterThan(0);
    expect(stats.refusedR4).toBeGreaterThan(0);
  });

  test('R2 supervisors monitor on MONITOR legs and never count towards the size', () => {
    const run = multiParty();
    const monitors = legsByMethod(run, 'MONITOR');
    expect(monitors.size).toBeGreaterThan(0);
    const supervisorsSeen = run.truths
      .flatMap((t) => t.conferences.flatMap((c) => c.parties))
      .filter((p) => p.role === 'supervisor');
    expect(supervisorsSeen.every((p) => monitors.has(p.contactId) && p.id === `s:${p.contactId}`)).toBe(true);
  });
});

describe('adding parties (R4, R19–R21)', () => {
  test('R4 a dial never starts while another dial of the same call is in progress', () => {
    const run = multiParty();
    const dials = new Map<string, { start: number; end: number }[]>();
    for (const [, events] of eventsByLeg(run)) {
      const first = events[0]!;
      if (first.initiationMethod !== 'TRANSFER' && first.initiationMethod !== 'EXTERNAL_OUTBOUND') continue;
      const ends = events.flatMap((e) => [
        e.agentInfo?.connectedToAgentTimestamp,
        e.connectedToSystemTimestamp,
        e.disconnectTimestamp,
      ]);
      const end = Math.min(...ends.filter((t): t is string => t !== undefined).map(ms));
      const list = dials.get(first.initialContactId!) ?? [];
      list.push({ start: ms(first.initiationTimestamp), end });
      dials.set(first.initialContactId!, list);
    }
    const withSeveral = [...dials.values()].filter((list) => list.length >= 3);
    expect(withSeveral.length).toBeGreaterThan(3);
    for (const list of dials.values()) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
    }
  });

  test('R19 while a party is dialled everyone else is on hold, except the agent dialling', () => {
    let dialling = 0;
    for (const run of [multiParty(), threeParty()]) {
      for (const s of run.ccp.filter((view) => !isSupervisorView(view))) {
        const all = [s.connections[0]!, ...present(s)].filter((c) => c.kind !== 'supervisor');
        if (!all.some((c) => c.state === 'connecting')) continue;
        dialling += 1;
        const others = all.filter((c) => c.state !== 'connecting');
        expect(others.filter((c) => c.state === 'connected')).toHaveLength(1);
        expect(others.filter((c) => c.state !== 'connected').every((c) => c.state === 'hold')).toBe(true);
      }
    }
    expect(dialling).toBeGreaterThan(20);
  });

  test('R20 R21 Swap: with three on the call the primary talks to the caller while the new party waits, and back', () => {
    const run = threeParty();
    const primaryViews = run.ccp.filter((s) => s.contactId === s.initialContactId && !isSupervisorView(s));
    const swapped = primaryViews.filter((s) => {
      const others = present(s);
      return (
        others.length === 2 &&
        others.some((c) => c.kind === 'customer' && c.state === 'connected') &&
        others.some((c) => c.kind !== 'customer' && c.state === 'hold')
      );
    });
    expect(swapped.length).toBeGreaterThan(0);
  });
});

describe('who sees what (R7, R16) and mute (R12, R18)', () => {
  test('R7 R16 three-party: the primary sees caller and the other party, a secondary only its transfer connection', () => {
    const run = threeParty();
    const faults = faultConferences(run);
    const transfers = legsByMethod(run, 'TRANSFER');
    const counts = { primaryFull: 0, secondary: 0 };
    for (const s of run.ccp) {
      if (faults.has(s.initialContactId) || isSupervisorView(s)) continue;
      const others = present(s);
      expect(others.some((c) => c.kind === 'supervisor')).toBe(false);
      for (const c of others) if (c.kind === 'agent') expect(c.name).toBe('Internal transfer');
      if (s.contactId === s.initialContactId) {
        expect(others.length).toBeLessThanOrEqual(2);
        if (others.length === 2) counts.primaryFull += 1;
      } else {
        expect(transfers.has(s.contactId)).toBe(true);
        expect(others.length).toBeLessThanOrEqual(1);
        counts.secondary += 1;
      }
    }
    expect(counts.primaryFull).toBeGreaterThan(0);
    expect(counts.secondary).toBeGreaterThan(0);
  });

  test('R7 R16 multi-party: every agent sees every connection, agents by their quick-connect name', () => {
    const run = multiParty();
    const agentViews = run.ccp.filter((s) => !isSupervisorView(s));
    expect(agentViews.some((s) => s.contactId !== s.initialContactId && present(s).length >= 4)).toBe(true);
    const names = agentViews.flatMap((s) =>
      present(s)
        .filter((c) => c.kind === 'agent')
        .map((c) => c.name),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n !== undefined && n !== 'Internal transfer')).toBe(true);
  });

  test('R2 R7 a silent monitor is shown to no agent; a barging supervisor is shown in multi-party mode', () => {
    const views = multiParty().ccp.filter((s) => !isSupervisorView(s));
    const supervisors = views.flatMap((s) => present(s).filter((c) => c.kind === 'supervisor'));
    expect(supervisors.length).toBeGreaterThan(0);
    expect(supervisors.every((c) => c.monitorMode === 'barge')).toBe(true);
  });

  test('R18 a barging supervisor force-mutes an agent, and the agent’s own CCP shows it', () => {
    const run = multiParty();
    expect(run.ccp.some((s) => s.connections[0]!.forcedMute && s.connections[0]!.muted)).toBe(true);
    expect(run.ccp.some((s) => isSupervisorView(s) && s.connections[0]!.monitorMode === 'barge')).toBe(true);
  });

  test('R12 multi-party agents mute callers and external parties; three-party agents mute only themselves', () => {
    const mutedOthers = (run: Run) =>
      run.ccp
        .flatMap((s) => present(s))
        .filter((c) => c.muted && (c.kind === 'customer' || c.kind === 'external'));
    expect(mutedOthers(cachedRun({ seed: 5, muteShare: 1 }, 10)).length).toBeGreaterThan(0);
    const three = cachedRun({ seed: 5, muteShare: 1, mode: 'three-party' }, 10);
    expect(mutedOthers(three)).toHaveLength(0);
    expect(three.ccp.some((s) => s.connections[0]!.muted && !s.connections[0]!.forcedMute)).toBe(true);
  });
});

describe('the truth the simulator reports', () => {
  test('participant ids follow the engine’s scheme: c:<root>, a:<leg> (the primary a:<root>), x:<leg>, s:<leg>', () => {
    const run = multiParty();
    const externals = legsByMethod(run, 'EXTERNAL_OUTBOUND');
    const transfers = legsByMethod(run, 'TRANSFER');
    for (const c of run.truths.flatMap((t) => t.conferences)) {
      expect(c.parties[0]).toMatchObject({ id: `c:${c.id}`, role: 'customer', contactId: c.id });
      for (const p of c.parties.slice(1)) {
        const prefix = { agent: 'a', external: 'x', supervisor: 's', customer: 'c' }[p.role];
        expect(p.id).toBe(`${prefix}:${p.contactId}`);
        if (p.primary) expect(p.contactId).toBe(c.id);
        else if (p.role === 'agent') expect(transfers.has(p.contactId)).toBe(true);
        if (p.role === 'external') expect(externals.has(p.contactId)).toBe(true);
      }
      expect(activeSize(c)).toBeGreaterThan(0);
    }
  });
});
