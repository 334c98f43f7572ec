import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createFakeConnectState,
  type FakeAgentContact,
  type FakeConnectState,
  type FakeContact,
  type FakeOperation,
} from './fake-connect-state';

export type RecordedRequest = {
  operation: FakeOperation | 'unknown';
  method: string;
  path: string;
  body: any;
  /** A SigV4 `authorization` header was sent. */
  signed: boolean;
  at: number;
};

export type FakeConnect = {
  endpoint: string;
  state: FakeConnectState;
  requests: RecordedRequest[];
  requestsFor(operation: FakeOperation): RecordedRequest[];
  close(): Promise<void>;
};

type Answer = { status: number; body: unknown; errorType?: string };

const ROUTES: { operation: FakeOperation; method: string; pattern: RegExp }[] = [
  { operation: 'GetCurrentUserData', method: 'POST', pattern: /^\/metrics\/userdata\/([^/]+)$/ },
  { operation: 'DescribeContact', method: 'GET', pattern: /^\/contacts\/([^/]+)\/([^/]+)$/ },
  {
    operation: 'DescribeInstanceAttribute',
    method: 'GET',
    pattern: /^\/instance\/([^/]+)\/attribute\/([^/]+)$/,
  },
];

/**
 * A local Amazon Connect that speaks restJson1 for the three operations the reconciler calls, so
 * tests drive a real `ConnectClient` (signing, serialization, retries, error parsing) against it.
 */
export async function startFakeConnect(instanceId = 'instance-1'): Promise<FakeConnect> {
  const state = createFakeConnectState(instanceId);
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
      const params = route ? path.match(route.pattern)!.slice(1).map(decodeURIComponent) : [];
      requests.push({
        operation: route?.operation ?? 'unknown',
        method: req.method ?? '',
        path,
        body: parseJson(text),
        signed: /^AWS4-HMAC-SHA256 Credential=/.test(req.headers.authorization ?? ''),
        at: Date.now(),
      });
      if (!route) return send(res, error(404, 'UnknownOperationException', `no route ${req.method} ${path}`));
      if (state.throttle > 0) {
        state.throttle -= 1;
        return send(res, error(429, 'ThrottlingException', 'Rate exceeded'));
      }
      const raw = state.rawBody[route.operation];
      if (raw !== undefined) return sendRaw(res, raw);
      const [instance, arg] = params as [string, string];
      if (instance !== state.instanceId)
        return send(res, error(404, 'ResourceNotFoundException', 'instance not found'));
      if (route.operation === 'GetCurrentUserData') return send(res, answerUserData(state, parseJson(text)));
      if (route.operation === 'DescribeContact') return send(res, answerContact(state, arg));
      return send(res, answerAttribute(state, arg));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    state,
    requests,
    requestsFor: (operation) => requests.filter((r) => r.operation === operation),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answerUserData(state: FakeConnectState, body: any): Answer {
  const agents: unknown = body?.Filters?.Agents;
  const filterKinds = Object.keys(body?.Filters ?? {});
  if (!Array.isArray(agents) || filterKinds.length !== 1 || agents.length < 1 || agents.length > 100)
    return error(400, 'InvalidParameterException', 'Filters must carry 1 to 100 Agents');
  if (body.MaxResults !== undefined && (body.MaxResults < 1 || body.MaxResults > 100))
    return error(400, 'InvalidParameterException', 'MaxResults must be 1 to 100');
  const matching = agents.flatMap((id) => {
    const user = state.users.get(String(id));
    return user ? [user] : [];
  });
  const offset = body.NextToken ? Number(String(body.NextToken).replace('page-', '')) : 0;
  const size = Math.min(state.pageSize, body.MaxResults ?? 100);
  const page = matching.slice(offset, offset + size);
  const answer: Record<string, unknown> = {
    ApproximateTotalCount: matching.length,
    UserDataList: page.map((user) => ({
      User: { Id: user.id, Arn: user.arn },
      Contacts: user.contacts.map(toWireContact),
    })),
  };
  if (offset + size < matching.length) answer.NextToken = `page-${offset + size}`;
  return { status: 200, body: answer };
}

function toWireContact(contact: FakeAgentContact): Record<string, unknown> {
  return {
    ...contact,
    StateStartTimestamp: seconds(contact.StateStartTimestamp),
    ConnectedToAgentTimestamp: seconds(contact.ConnectedToAgentTimestamp),
  };
}

function answerContact(state: FakeConnectState, contactId: string): Answer {
  const c: FakeContact | undefined = state.contacts.get(contactId);
  if (!c) return error(404, 'ResourceNotFoundException', `contact ${contactId} not found`);
  const contact: Record<string, unknown> = {
    Arn: `arn:aws:connect:eu-central-1:111122223333:instance/${state.instanceId}/contact/${c.id}`,
    Id: c.id,
    InitialContactId: c.initialContactId,
    PreviousContactId: c.previousContactId,
    InitiationMethod: c.initiationMethod,
    Channel: c.channel,
    InitiationTimestamp: seconds(c.initiatedAt),
    DisconnectTimestamp: seconds(c.disconnectedAt),
    DisconnectReason: c.disconnectReason,
    LastUpdateTimestamp: seconds(c.disconnectedAt ?? c.initiatedAt),
  };
  if (c.agentId) contact.AgentInfo = { Id: c.agentId, ConnectedToAgentTimestamp: seconds(c.initiatedAt) };
  return { status: 200, body: { Contact: contact } };
}

function answerAttribute(state: FakeConnectState, type: string): Answer {
  const value = state.attributes.get(type);
  if (value === undefined) return error(400, 'InvalidParameterException', `unknown attribute ${type}`);
  return { status: 200, body: { Attribute: { AttributeType: type, Value: value } } };
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

function error(status: number, errorType: string, message: string): Answer {
  return { status, errorType, body: { message } };
}

function send(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': `req-${Math.random().toString(36).slice(2, 10)}`,
  };
  if (answer.errorType) headers['x-amzn-errortype'] = answer.errorType;
  res.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}

function sendRaw(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
