import { describe, expect, test } from 'vitest';
import { ccp, connection, contact, leg, sec } from './test-helpers/builders';
import { run, viewOf } from './test-helpers/run';
import { ConferenceViewSchema } from './view-schema';

const call = () => [
  contact('INITIATED', sec(0), { queue: 'Sales', contactLens: true }),
  contact('CONNECTED_TO_AGENT', sec(2), { agent: 'alice' }),
  contact('INITIATED', sec(10), leg('x1', 'EXTERNAL_OUTBOUND')),
  contact('CONNECTED_TO_SYSTEM', sec(14), leg('x1', 'EXTERNAL_OUTBOUND')),
  ccp('alice', sec(20), [connection('customer', 'hold', { muted: true })]),
  contact('DISCONNECTED', sec(40), leg('x1', 'EXTERNAL_OUTBOUND')),
];

describe('the view schema is the one definition of the served shape', () => {
  test('parsing the engine view gives back the same bytes (history and the browser see what was served)', () => {
    const view = viewOf(run(call()), sec(60));
    expect(JSON.stringify(ConferenceViewSchema.parse(view))).toBe(JSON.stringify(view));
  });
});
