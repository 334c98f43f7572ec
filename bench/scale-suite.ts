import { fileURLToPath } from 'node:url';
import type { ScaleResult } from './results';
import type { ScaleMeasurement, ScaleParams } from './scale-actor';
import { startActor } from './rpc';

export type ScaleSuiteOptions = { conferences: number; contactsPerConference: number; repeats: number };

const ACTOR = fileURLToPath(new URL('./scale-actor.ts', import.meta.url));

/** N conferences of M live contacts in a sidecar process of their own: memory, snapshot size and time. */
export async function runScaleSuite(options: ScaleSuiteOptions): Promise<ScaleResult> {
  const actor = startActor(ACTOR);
  try {
    const m = await actor.call<ScaleMeasurement>('measure', options satisfies ScaleParams);
    if (m.published !== options.conferences)
      throw new Error(`the sidecar published ${m.published} of ${options.conferences} conferences`);
    return {
      conferences: options.conferences,
      contacts: options.conferences * options.contactsPerConference,
      rssEmptyMb: Math.round(m.rssEmptyMb),
      rssMb: Math.round(m.rssMb),
      snapshotBytes: m.snapshotBytes,
      snapshotMs: Math.round(m.snapshotMs * 10) / 10,
      applyMs: Math.round(m.applyMs * 10) / 10,
    };
  } finally {
    await actor.stop();
  }
}
