import { describe, expect, test } from 'vitest';
import { buildReportCall, BILLING } from '@/server/store/test-fixtures/report-builders';
import { isInScope, reportScopeKeys, scopeFilterKeys } from './scope-keys';

describe('report scope keys', () => {
  const view = buildReportCall('k1', {
    start: '2026-03-28T09:00:00Z',
    queue: BILLING,
    agent: 'Ada',
    extras: 1,
  });

  test('S1 a call is filed under its queue ARN and name and each agent ARN', () => {
    expect(reportScopeKeys(view)).toEqual([
      'agent:arn:agent/ada',
      'agent:arn:agent/helper0',
      'queue:Billing',
      'queue:arn:queue/billing',
    ]);
  });

  test('S1 S2 a scope admits calls in any of its queues or groups; a scope that lists nothing restricts nothing', () => {
    const keys = reportScopeKeys(view);
    expect(isInScope(keys, 'all')).toBe(true);
    expect(isInScope(keys, { queues: ['Billing'] })).toBe(true);
    expect(isInScope(keys, { queues: [BILLING.arn, 'Support'] })).toBe(true);
    expect(isInScope(keys, { queues: ['Support'] })).toBe(false);
    expect(isInScope(keys, { groups: ['arn:group/sales'] })).toBe(false);
    expect(isInScope(keys, {})).toBe(true);
    expect(scopeFilterKeys({ queues: ['b', 'a', 'a'], groups: ['g'] })).toEqual([
      'group:g',
      'queue:a',
      'queue:b',
    ]);
  });
});
