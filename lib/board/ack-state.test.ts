import { describe, expect, test } from 'vitest';
import { summarizeAckAttempts, type AckAttempt } from './ack-state';
import { ack, at } from './test-helpers/builders';

const acked = ack('c1', 'long-hold', at(10), 'Tess');

describe('acknowledgements sent from this page', () => {
  test('the latest attempt per alert decides: pending, or why it failed', () => {
    const attempts: AckAttempt[] = [
      { key: 'k1', status: 'error', error: 'the sidecar did not answer in time' },
      { key: 'k2', status: 'pending' },
      { key: 'k3', status: 'error', error: 'not connected to the sidecar; try again shortly' },
    ];
    const state = summarizeAckAttempts(attempts);
    expect([...state.pending]).toEqual(['k2']);
    expect(state.errors).toEqual({
      k1: 'the sidecar did not answer in time',
      k3: 'not connected to the sidecar; try again shortly',
    });
    expect(state.confirmed).toEqual({});
  });

  test('trying again clears the error while it runs; a confirmation stands', () => {
    const failed: AckAttempt = { key: 'k1', status: 'error', error: 'not connected' };
    expect(summarizeAckAttempts([failed, { key: 'k1', status: 'pending' }])).toEqual({
      pending: new Set(['k1']),
      errors: {},
      confirmed: {},
    });
    expect(summarizeAckAttempts([failed, { key: 'k1', status: 'success', ack: acked }])).toEqual({
      pending: new Set(),
      errors: {},
      confirmed: { k1: acked },
    });
  });
});
