import { MAX_CONTACT_TREE_DEPTH } from '@/lib/conference';
import { contactEvent } from './raw-builders';

/** A call on `root` answered by an agent: listed once both events apply (M2). */
export const answeredCall = (root: string, s: number) => [
  contactEvent('INITIATED', s, { root }),
  contactEvent('CONNECTED_TO_AGENT', s + 1, { root, agent: `agent-${root}` }),
];

/**
 * An answered call whose contact legs form one chain a leg deeper than L3 allows, each leg invited
 * by the one before (of a method that brings nobody, so the call can still end). Real input for the
 * real routes: building its view fails in the engine, as an engine defect would, and the sidecar
 * must contain that to the one conference.
 */
export const tooDeepCall = (root: string, s: number) => [
  ...answeredCall(root, s),
  ...Array.from({ length: MAX_CONTACT_TREE_DEPTH }, (_, i) =>
    contactEvent('INITIATED', s + 2, {
      root,
      contactId: `${root}-leg-${i}`,
      previous: i === 0 ? root : `${root}-leg-${i - 1}`,
      method: 'API',
    }),
  ),
];
