import fc from 'fast-check';
import { STREAMS, type StreamName } from '@/server/ingest/streams';
import {
  agentContact,
  agentEvent,
  ccpSnapshot,
  contactEvent,
  pascalDetail,
  T0,
} from '@/server/test-helpers/raw-builders';
import { mutate, OPS, type Expectation, type Mutation } from './fuzz-mutations';

/**
 * Seeded plans for the ingest fuzz test, and their materialization into JSON text. A plan is pure
 * data (so fast-check can replay and shrink it); ids and roots are given fresh at materialization,
 * so every run of the property is independent of what an earlier run left on the sidecar. Each
 * item knows what must become of it: `accept` (applied, ignored or a duplicate) or `reject`.
 */

export type { Expectation } from './fuzz-mutations';
export type FuzzItem = {
  text: string;
  expect: Expectation;
  root?: string;
  /** Applied, it lists its conference (an agent connected to the root leg). */
  listsRoot?: boolean;
  /** As a Firehose record, its data is not even base64. */
  notBase64?: boolean;
  /** The event id it carries (contact and agent events; a CCP snapshot's id is derived). */
  eventId?: string;
};
export type Route = StreamName | `firehose:${StreamName}`;

type ItemPlan =
  | { kind: 'valid'; variant: number; offset: number }
  | { kind: 'mutated'; variant: number; offset: number; mutation: Mutation }
  | { kind: 'garbage'; value: fc.JsonValue }
  | { kind: 'undecodable'; text: string }
  | { kind: 'repeat'; of: number };
export type BatchPlan = {
  route: Route;
  items: ItemPlan[];
  asArray: boolean;
  garbageBody: string | undefined;
};

/** Seconds after T0 that are "now" on the sidecar clock (the test runs well inside the window). */
export const nowSeconds = () => Math.round((Date.now() - T0) / 1000);

const itemPlanArb: fc.Arbitrary<ItemPlan> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('valid' as const),
      variant: fc.nat(),
      offset: fc.integer({ min: -3_600, max: 600 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      variant: fc.nat(),
      offset: fc.integer({ min: -3_600, max: 600 }),
      mutation: fc.record({ op: fc.constantFrom(...OPS), pick: fc.nat(), value: fc.nat(), depth: fc.nat() }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('garbage' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('undecodable' as const), text: fc.string({ maxLength: 40 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), of: fc.nat() }) },
);

const ROUTES: Route[] = [...STREAMS, ...STREAMS.map((s) => `firehose:${s}` as const)];
const GARBAGE_BODIES = ['{"id": ', '', 'not json', '[1, 2', '{"a":1}}', '\u0000'];
export const batchPlanArb: fc.Arbitrary<BatchPlan> = fc.record({
  route: fc.constantFrom(...ROUTES),
  items: fc.array(itemPlanArb, { minLength: 10, maxLength: 50, size: 'max' }),
  asArray: fc.boolean(),
  // One batch in twelve is not even a JSON body.
  garbageBody: fc.oneof(
    { weight: 11, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...GARBAGE_BODIES) },
  ),
});

export const streamOf = (route: Route): StreamName =>
  route.startsWith('firehose:') ? (route.slice(9) as StreamName) : (route as StreamName);

/** Fresh, seed-independent names for one batch: roots, agents and event ids. */
export type BatchNames = { batch: number; knownRoots: readonly string[] };

export function materializeBatch(plan: BatchPlan, names: BatchNames): FuzzItem[] {
  const stream = streamOf(plan.route);
  const items: FuzzItem[] = [];
  plan.items.forEach((item, index) => {
    const id = `fz-${names.batch}-${index}`;
    if (item.kind === 'garbage') items.push({ text: JSON.stringify(item.value), expect: 'reject' });
    else if (item.kind === 'undecodable') {
      // Over HTTP it has to stay inside the JSON body, so it travels as a string item there.
      const firehose = plan.route.startsWith('firehose:');
      items.push({
        text: firehose ? item.text : JSON.stringify(item.text),
        expect: 'reject',
        notBase64: firehose && item.text.length % 3 === 0,
      });
    } else if (item.kind === 'repeat') {
      const earlier = items.filter((i) => i.expect === 'accept');
      const original = earlier[item.of % Math.max(1, earlier.length)];
      items.push(
        original ? { ...original, listsRoot: false } : { text: '"nothing to repeat"', expect: 'reject' },
      );
    } else {
      const built = buildValid(
        stream,
        item.variant,
        nowSeconds() + item.offset,
        id,
        names,
        item.kind === 'mutated',
      );
      const eventId = stream === 'ccp' ? {} : { eventId: id };
      if (item.kind === 'valid') items.push({ ...built, ...eventId, text: JSON.stringify(built.value) });
      else items.push({ ...mutate(stream, built.value, item.mutation), root: built.root, ...eventId });
    }
  });
  return items;
}

type Built = { value: Record<string, any>; root: string; listsRoot: boolean; expect: 'accept' };

function buildValid(
  stream: StreamName,
  variant: number,
  s: number,
  id: string,
  names: BatchNames,
  forMutation: boolean,
): Built {
  const fresh = `fz-root-${names.batch}`;
  const root =
    names.knownRoots.length > 0 && variant % 3 === 0
      ? names.knownRoots[variant % names.knownRoots.length]!
      : fresh;
  const agent = `fz-agent-${variant % 7}`;
  if (stream === 'contact-events') {
    const child = `${root}-t${variant % 3}`;
    const variants = [
      () => contactEvent('INITIATED', s, { root, id }),
      () => contactEvent('CONNECTED_TO_AGENT', s, { root, agent, id }),
      () => contactEvent('QUEUED', s, { root, queue: 'Sales', id }),
      () => contactEvent('INITIATED', s, { root, contactId: child, agent, id }),
      () => contactEvent('CONNECTED_TO_AGENT', s, { root, contactId: child, agent, id }),
      () => contactEvent('DISCONNECTED', s, { root, contactId: child, id }),
      () => contactEvent('INITIATED', s, { root, channel: 'CHAT', id }),
      () =>
        contactEvent('CONNECTED_TO_SYSTEM', s, {
          root,
          contactId: `${root}-x`,
          method: 'EXTERNAL_OUTBOUND',
          phone: '+4930555',
          id,
        }),
    ];
    // PascalCase keys only where no mutation will look for camelCase paths.
    const pick = variant % (forMutation ? variants.length : variants.length + 1);
    const value =
      pick === variants.length
        ? pascalDetail(contactEvent('CONNECTED_TO_AGENT', s, { root, agent, id }))
        : variants[pick]!();
    return { value, root, listsRoot: pick === 1 || pick === variants.length, expect: 'accept' };
  }
  if (stream === 'agent-events') {
    const states = ['CONNECTING', 'CONNECTED', 'CONNECTED_ONHOLD', 'ENDED', 'MISSED'];
    const contacts =
      variant % 5 === 4 && !forMutation
        ? []
        : [agentContact(states[variant % states.length]!, { root, since: s })];
    return { value: agentEvent(agent, s, contacts, id), root, listsRoot: false, expect: 'accept' };
  }
  const kinds = ['self', 'customer', 'agent', 'external', 'supervisor'] as const;
  const connStates = ['connecting', 'connected', 'hold', 'disconnected'] as const;
  const count = forMutation ? 1 + (variant % 4) : variant % 5;
  const connections = Array.from({ length: count }, (_, i) => ({
    kind: kinds[(variant + i) % kinds.length]!,
    state: connStates[((variant >> 2) + i) % connStates.length]!,
    muted: (variant + i) % 2 === 0,
  }));
  return { value: ccpSnapshot(agent, s, connections, { root }), root, listsRoot: false, expect: 'accept' };
}
