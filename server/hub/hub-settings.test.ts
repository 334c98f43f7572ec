import { expect, test } from 'vitest';
import { EnvError, parseEnv } from '@/server/env';
import { hubSettingsFromEnv } from './hub-settings';

const TOKEN = { INGEST_TOKEN: 'hub-settings-token-0123' };

test('O6 MAX_FACTS_PER_CALL sets how many facts a call holds before it compacts (500 by default)', () => {
  expect(hubSettingsFromEnv(parseEnv(TOKEN)).engine.compactAfterFacts).toBe(500);
  expect(
    hubSettingsFromEnv(parseEnv({ ...TOKEN, MAX_FACTS_PER_CALL: '2000' })).engine.compactAfterFacts,
  ).toBe(2000);
});

test.each(['10', '100001', '1.5', 'many'])('O6 MAX_FACTS_PER_CALL=%s is refused in one line', (value) => {
  expect(() => parseEnv({ ...TOKEN, MAX_FACTS_PER_CALL: value })).toThrow(EnvError);
  expect(() => parseEnv({ ...TOKEN, MAX_FACTS_PER_CALL: value })).toThrow(
    `confwatch: MAX_FACTS_PER_CALL="${value}" is not valid: a whole number from 50 to 100000`,
  );
});

test('L1 the live and orphan limits reach the engine as they are set', () => {
  const { engine } = hubSettingsFromEnv(
    parseEnv({ ...TOKEN, MAX_LIVE_CONFERENCES: '1234', MAX_ORPHAN_ROOTS: '567' }),
  );
  expect(engine).toMatchObject({ maxLiveConferences: 1234, maxPendingRoots: 567 });
});
