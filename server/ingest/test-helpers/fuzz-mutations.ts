import type { StreamName } from '@/server/ingest/streams';

/**
 * How the ingest fuzz test spoils a valid raw item, and what must then become of it: `reject`
 * (certainly refused: a required field gone or mistyped, a time out of range or window, a string
 * past its bound, nesting past the limit where it is read, a field smuggled through `__proto__`)
 * or `accept` (a change nothing reads). Values are picked by index, so a plan stays plain data.
 */

export type Expectation = 'accept' | 'reject';

export const OPS = [
  'remove',
  'retype',
  'badTime',
  'long',
  'deepRequired',
  'deepUnknown',
  'protoSmuggle',
  'constructorSmuggle',
  'benignKeys',
  'badNumber',
] as const;

export type Mutation = { op: (typeof OPS)[number]; pick: number; value: number; depth: number };

const iso = (ms: number) => new Date(ms).toISOString();

export const BAD_TIMES: readonly unknown[] = [
  8_640_000_000_000_001,
  8.64e15,
  1e21,
  1e300,
  -1,
  1.5,
  2 ** 53 + 1,
  '1969-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-02-30T10:00:00Z',
  '2026-11-23T24:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-23T10:00:00',
  '2026-11-23',
  'yesterday',
  '',
  'NaN',
  '2999-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
];
const badTime = (index: number): unknown => {
  const now = Date.now();
  const relative = [
    iso(now - 30 * 86_400_000),
    iso(now + 3 * 86_400_000),
    Math.floor(now / 1000),
    now - 3 * 86_400_000,
  ];
  const all = [...BAD_TIMES, ...relative];
  return all[index % all.length];
};
const WRONG_TYPES: readonly unknown[] = [42, true, {}, [1], -0.5];
const LONG_LENGTHS = [257, 300, 512, 5_000];
const DEPTHS = [65, 100, 3_000, 20_000];
const BAD_HOLDS: readonly unknown[] = [1e12, -1, 7 * 86_400 + 1, 'NaN', '12', {}];
const DEEP = '"__FUZZ_DEEP__"';
const PROTO = '__FUZZ_PROTO__';
const CTOR = '__FUZZ_CTOR__';

type Path = readonly (string | number)[];
type Fields = { required: Path[]; times: Path[]; strings: Path[]; smuggle: Path; container: Path };
const CONTACT_FIELDS: Fields = {
  required: [
    ['id'],
    ['detail-type'],
    ['time'],
    ['detail'],
    ['detail', 'contactId'],
    ['detail', 'eventType'],
    ['detail', 'channel'],
  ],
  times: [['time'], ['detail', 'initiationTimestamp']],
  strings: [
    ['id'],
    ['detail', 'contactId'],
    ['detail', 'instanceArn'],
    ['detail', 'initiationMethod'],
    ['detail', 'channel'],
  ],
  smuggle: ['detail', 'contactId'],
  container: ['detail'],
};
const CONTACT0 = ['CurrentAgentSnapshot', 'Contacts', 0] as const;
const AGENT_FIELDS: Fields = {
  required: [
    ['AgentARN'],
    ['EventId'],
    ['EventTimestamp'],
    ['EventType'],
    [...CONTACT0, 'ContactId'],
    [...CONTACT0, 'State'],
  ],
  times: [
    ['EventTimestamp'],
    [...CONTACT0, 'StateStartTimestamp'],
    [...CONTACT0, 'ConnectedToAgentTimestamp'],
  ],
  strings: [
    ['AgentARN'],
    ['EventId'],
    ['EventType'],
    [...CONTACT0, 'ContactId'],
    [...CONTACT0, 'Queue', 'ARN'],
    ['CurrentAgentSnapshot', 'Configuration', 'FirstName'],
  ],
  smuggle: ['EventId'],
  container: [],
};
const CCP_FIELDS: Fields = {
  required: [
    ['reportedAt'],
    ['agentArn'],
    ['contactId'],
    ['connections'],
    ['connections', 0, 'kind'],
    ['connections', 0, 'state'],
    ['connections', 0, 'connectionId'],
  ],
  times: [['reportedAt']],
  strings: [
    ['agentArn'],
    ['contactId'],
    ['initialContactId'],
    ['connections', 0, 'connectionId'],
    ['connections', 0, 'name'],
    ['connections', 0, 'phoneNumber'],
  ],
  smuggle: ['contactId'],
  container: [],
};
const FIELDS: Record<StreamName, Fields> = {
  'contact-events': CONTACT_FIELDS,
  'agent-events': AGENT_FIELDS,
  ccp: CCP_FIELDS,
};

export function mutate(
  stream: StreamName,
  value: Record<string, any>,
  m: Mutation,
): { text: string; expect: Expectation } {
  const fields = FIELDS[stream];
  const pickFrom = <T>(list: readonly T[]) => list[m.pick % list.length]!;
  const depth = DEPTHS[m.depth % DEPTHS.length]!;
  const deep = '{"k":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
  const done = (expect: Expectation) => {
    const text = JSON.stringify(value)
      .replace(DEEP, deep)
      .replaceAll(`"${PROTO}"`, '"__proto__"')
      .replaceAll(`"${CTOR}"`, '"constructor"');
    return { text, expect };
  };
  switch (m.op) {
    case 'remove':
      removePath(value, pickFrom(fields.required));
      return done('reject');
    case 'retype':
      setPath(value, pickFrom(fields.required), WRONG_TYPES[m.value % WRONG_TYPES.length]);
      return done('reject');
    case 'badTime':
      setPath(value, pickFrom(fields.times), badTime(m.value));
      return done('reject');
    case 'long':
      setPath(value, pickFrom(fields.strings), 'x'.repeat(LONG_LENGTHS[m.value % LONG_LENGTHS.length]!));
      return done('reject');
    case 'deepRequired':
      setPath(value, pickFrom(fields.required), JSON.parse(DEEP));
      return done('reject');
    case 'deepUnknown':
      // Contact `detail` is walked (camelized) and refused past 64 levels; elsewhere an unknown key is never read.
      setPath(value, [...fields.container, 'junk'], JSON.parse(DEEP));
      return done(stream === 'contact-events' ? 'reject' : 'accept');
    case 'protoSmuggle':
    case 'constructorSmuggle': {
      const path = fields.smuggle;
      const field = path[path.length - 1] as string;
      const owner = path.length > 1 ? getPath(value, path.slice(0, -1)) : value;
      const smuggled = owner[field];
      delete owner[field];
      if (m.op === 'protoSmuggle') owner[PROTO] = { [field]: smuggled };
      else owner[CTOR] = { prototype: { [field]: smuggled } };
      return done('reject');
    }
    case 'benignKeys':
      value[PROTO] = { polluted: true };
      value[CTOR] = 'not a function';
      return done('accept');
    case 'badNumber':
      if (stream !== 'contact-events') {
        setPath(value, pickFrom(fields.times), [1e300, -1e300, 2 ** 53 + 1, -0.5][m.value % 4]);
        return done('reject');
      }
      value.detail.agentInfo = {
        ...(value.detail.agentInfo ?? {}),
        agentInitiatedHoldDuration: BAD_HOLDS[m.value % BAD_HOLDS.length],
      };
      return done('reject');
  }
}

function getPath(value: any, path: Path): any {
  return path.reduce((node, key) => node?.[key], value);
}
function setPath(value: any, path: Path, to: unknown): void {
  const owner = getPath(value, path.slice(0, -1));
  owner[path[path.length - 1]!] = to;
}
function removePath(value: any, path: Path): void {
  const owner = getPath(value, path.slice(0, -1));
  delete owner[path[path.length - 1]!];
}
