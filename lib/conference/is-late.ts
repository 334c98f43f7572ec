import type { ConferenceModel } from './types';

/**
 * Whether a fact is folded out of order: only one that arrived behind the compaction line (O6) is
 * older than the newest fact already folded. Such a fact may fill in what is unknown, never replace.
 */
export function isLate(model: ConferenceModel, at: number): boolean {
  return at < model.lastEventAt;
}
