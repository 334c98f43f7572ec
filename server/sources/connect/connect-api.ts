import {
  ConnectClient,
  DescribeContactCommand,
  DescribeInstanceAttributeCommand,
  GetCurrentUserDataCommand,
  type ConnectClientConfig,
} from '@aws-sdk/client-connect';
import type { z } from 'zod';
import { classifySdkError, malformed } from './connect-error';
import {
  DescribeContactOutputSchema,
  InstanceAttributeOutputSchema,
  UserDataPageSchema,
  type DescribedContact,
  type UserDataPage,
} from './connect-schemas';
import { createTokenBucket, type RateLimit, type TokenBucket } from './token-bucket';

export type ConnectOperation = 'GetCurrentUserData' | 'DescribeContact' | 'DescribeInstanceAttribute';

/** Amazon Connect's default API rate quotas per account and Region: requests a second, and burst. */
export const RATE_LIMITS: Record<ConnectOperation, RateLimit> = {
  GetCurrentUserData: { ratePerSecond: 2, burst: 5 },
  DescribeContact: { ratePerSecond: 10, burst: 15 },
  DescribeInstanceAttribute: { ratePerSecond: 2, burst: 5 },
};

/** GetCurrentUserData takes at most this many agents per request, and answers as many per page. */
export const MAX_AGENTS_PER_REQUEST = 100;

export type ConnectCredentials = NonNullable<ConnectClientConfig['credentials']>;

export type ConnectApiOptions = {
  instanceId: string;
  region: string;
  endpoint?: string;
  /** Left out in production: the SDK's default provider chain finds them. */
  credentials?: ConnectCredentials;
  /** Aborts waits and requests in flight when the reconciler stops. */
  signal: AbortSignal;
};

export type ConnectApi = ReturnType<typeof createConnectApi>;

/**
 * The three Amazon Connect calls reconciliation makes, each behind its own token bucket, counted,
 * and with its answer checked by zod. Every failure comes out as a ConnectCallError.
 */
export function createConnectApi(options: ConnectApiOptions) {
  const { instanceId, signal } = options;
  const client = new ConnectClient({
    region: options.region,
    maxAttempts: 3,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const buckets = Object.fromEntries(
    Object.entries(RATE_LIMITS).map(([op, limit]) => [op, createTokenBucket(limit)]),
  ) as Record<ConnectOperation, TokenBucket>;
  const calls: Partial<Record<ConnectOperation, number>> = {};

  async function call<T>(
    operation: ConnectOperation,
    send: () => Promise<unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> {
    let output: unknown;
    try {
      await buckets[operation].take(signal);
      calls[operation] = (calls[operation] ?? 0) + 1;
      output = await send();
    } catch (error) {
      const failure = classifySdkError(operation, error, signal);
      if (failure.failure === 'throttled') buckets[operation].drain();
      throw failure;
    }
    const parsed = schema.safeParse(output);
    if (!parsed.success) throw malformed(operation, parsed.error);
    return parsed.data;
  }

  return {
    /** One page of the agents' current data; `agentIds` are user ids, at most 100. */
    getCurrentUserData(agentIds: readonly string[], nextToken?: string): Promise<UserDataPage> {
      const input = {
        InstanceId: instanceId,
        Filters: { Agents: [...agentIds] },
        MaxResults: MAX_AGENTS_PER_REQUEST,
        ...(nextToken ? { NextToken: nextToken } : {}),
      };
      return call(
        'GetCurrentUserData',
        () => client.send(new GetCurrentUserDataCommand(input), { abortSignal: signal }),
        UserDataPageSchema,
      );
    },
    async describeContact(contactId: string): Promise<DescribedContact> {
      const output = await call(
        'DescribeContact',
        () =>
          client.send(new DescribeContactCommand({ InstanceId: instanceId, ContactId: contactId }), {
            abortSignal: signal,
          }),
        DescribeContactOutputSchema,
      );
      return output.Contact;
    },
    /** The instance's MULTI_PARTY_CONFERENCE attribute (R1, R30). */
    async describeMultiParty(): Promise<boolean> {
      const input = { InstanceId: instanceId, AttributeType: 'MULTI_PARTY_CONFERENCE' as const };
      const output = await call(
        'DescribeInstanceAttribute',
        () => client.send(new DescribeInstanceAttributeCommand(input), { abortSignal: signal }),
        InstanceAttributeOutputSchema,
      );
      return output.Attribute.Value === 'true';
    },
    calls: (): Partial<Record<ConnectOperation, number>> => ({ ...calls }),
    destroy: () => client.destroy(),
  };
}
