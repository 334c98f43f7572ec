import type { SimulatorConfig } from './config';
import type { Person, Queue, RoutingProfile } from './model';
import type { Rng } from './random';

/** A phone-number quick connect: what agents dial for the usual third parties. */
export type PhoneQuickConnect = { name: string; number: string };
export type QueueQuickConnect = { name: string; queue: Queue };
export type AgentStatusRef = { arn: string; name: string; type: 'ROUTABLE' | 'OFFLINE' };
/** One level of the instance's agent hierarchy: Level1 the site, Level2 the team. */
export type HierarchyGroupRef = { level: 1 | 2; arn: string; name: string };

/** The instance's static set-up: ARNs, queues, people and quick connects. */
export type Directory = {
  instanceArn: string;
  contactArn(contactId: string): string;
  queues: { general: Queue; billing: Queue; mortgages: Queue; support: Queue };
  inboundQueues: readonly Queue[];
  agents: readonly Person[];
  supervisors: readonly Person[];
  available: AgentStatusRef;
  offline: AgentStatusRef;
  phoneQuickConnects: {
    broker: PhoneQuickConnect;
    translator: PhoneQuickConnect;
    others: readonly PhoneQuickConnect[];
  };
  queueQuickConnects: readonly QueueQuickConnect[];
  /** The hierarchy groups an agent or supervisor is in, Level1 first (scope keys, issue 11). */
  hierarchyOf(person: Person): readonly HierarchyGroupRef[];
};

/** Two sites with two teams each; supervisors sit in their site's supervision team. */
const SITES = [
  { name: 'Berlin', teams: ['Team Spree', 'Team Havel'] },
  { name: 'Lisbon', teams: ['Team Tejo', 'Team Douro'] },
] as const;
const SUPERVISION = 'Supervision';

const FIRST = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Elif',
  'Felix',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Katja',
  'Luca',
  'Mia',
  'Noah',
  'Olga',
  'Paul',
  'Rosa',
  'Sami',
  'Tara',
  'Umut',
  'Vera',
  'Wim',
  'Yara',
  'Zoe',
];
const LAST = [
  'Schmidt',
  'Novak',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Yilmaz',
  'Kowalski',
  'Brandt',
  'Costa',
  'Fischer',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Keller',
  'Larsen',
  'Meyer',
  'Nakamura',
  'Petrov',
  'Quinn',
  'Romano',
  'Silva',
];

/** A German landline or mobile number in E.164. */
export function drawPhoneNumber(rng: Rng, mobile: boolean): string {
  const prefix = mobile
    ? rng.pick(['+49151', '+49160', '+49171', '+49176'])
    : rng.pick(['+4930', '+4940', '+4989', '+49221']);
  let digits = '';
  for (let i = 0; i < (mobile ? 8 : 7); i++) digits += String(rng.int(0, 9));
  return prefix + digits;
}

/**
 * A group id made from its path, not drawn from the run's random stream: giving agents groups must
 * not change what a seed plays.
 */
function groupId(path: string): string {
  const words: string[] = [];
  for (const seed of [0x811c9dc5, 0x9747b28c, 0x2545f491, 0x6c62272e]) {
    let h = seed;
    for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
    words.push((h >>> 0).toString(16).padStart(8, '0'));
  }
  const hex = words.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Site and team of the `index`-th agent (or supervisor), with ARNs under the instance. */
function hierarchyFor(instanceArn: string, kind: Person['kind'], index: number): HierarchyGroupRef[] {
  const site = SITES[index % SITES.length]!;
  const team = kind === 'supervisor' ? SUPERVISION : site.teams[Math.floor(index / SITES.length) % 2]!;
  const group = (level: 1 | 2, path: string, name: string): HierarchyGroupRef => ({
    level,
    arn: `${instanceArn}/agent-group/${groupId(path)}`,
    name,
  });
  return [group(1, site.name, site.name), group(2, `${site.name}/${team}`, team)];
}

export function createDirectory(config: SimulatorConfig, rng: Rng): Directory {
  const { region, accountId, instanceId } = config;
  const instanceArn = `arn:aws:connect:${region}:${accountId}:instance/${instanceId}`;
  const queue = (name: string): Queue => {
    const id = rng.uuid();
    return { id, arn: `${instanceArn}/queue/${id}`, name };
  };
  const queues = {
    general: queue('General enquiries'),
    billing: queue('Billing'),
    mortgages: queue('Mortgages'),
    support: queue('Technical support'),
  };
  const inboundQueues = Object.values(queues);
  const profile = (name: string, list: readonly Queue[]): RoutingProfile => ({
    arn: `${instanceArn}/routing-profile/${rng.uuid()}`,
    name,
    queues: list,
  });
  const agentProfile = profile('Voice agents', inboundQueues);
  const supervisorProfile = profile('Supervisors', [queues.general]);
  const hierarchy = new Map<Person, readonly HierarchyGroupRef[]>();
  const person = (kind: Person['kind'], index: number): Person => {
    const created = makePerson(kind, index);
    hierarchy.set(created, hierarchyFor(instanceArn, kind, index));
    return created;
  };
  const makePerson = (kind: Person['kind'], index: number): Person => {
    const id = rng.uuid();
    const firstName = FIRST[index % FIRST.length]!;
    const lastName = LAST[(index * 7 + Math.floor(index / FIRST.length)) % LAST.length]!;
    return {
      kind,
      id,
      arn: `${instanceArn}/agent/${id}`,
      firstName,
      lastName,
      username: `${kind === 'agent' ? '' : 'sup.'}${firstName}.${lastName}${index}`.toLowerCase(),
      routingProfile: kind === 'agent' ? agentProfile : supervisorProfile,
      loginAt: config.startAt,
      contacts: [],
      snapshot: null,
      signature: '',
      lastEventAt: config.startAt,
    };
  };
  const phone = (name: string): PhoneQuickConnect => ({ name, number: drawPhoneNumber(rng, false) });
  return {
    instanceArn,
    contactArn: (contactId) => `${instanceArn}/contact/${contactId}`,
    queues,
    inboundQueues,
    agents: Array.from({ length: config.agents }, (_, i) => person('agent', i)),
    supervisors: Array.from({ length: config.supervisors }, (_, i) => person('supervisor', i + 1000)),
    available: { arn: `${instanceArn}/agent-state/${rng.uuid()}`, name: 'Available', type: 'ROUTABLE' },
    offline: { arn: `${instanceArn}/agent-state/${rng.uuid()}`, name: 'Offline', type: 'OFFLINE' },
    phoneQuickConnects: {
      broker: phone('Broker Hoffmann & Partner'),
      translator: phone('Interpreting service'),
      others: [
        phone('Land registry'),
        phone('Insurance partner'),
        phone('Notary office'),
        phone('Field technician'),
      ],
    },
    queueQuickConnects: [
      { name: 'Mortgage desk', queue: queues.mortgages },
      { name: 'Billing team', queue: queues.billing },
      { name: 'Second-level support', queue: queues.support },
    ],
    hierarchyOf: (p) => hierarchy.get(p) ?? [],
  };
}
