import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readHistorySettings } from './historySettings';

const read = (history: JsonObject) =>
  readHistorySettings(new ConfigReader({ backups: { history } }));

describe('readHistorySettings', () => {
  it('records every 15 minutes and keeps 90 days by default', () => {
    expect(readHistorySettings(new ConfigReader({}))).toEqual({
      enabled: true,
      interval: { minutes: 15 },
      initialDelay: { minutes: 1 },
      retention: { days: 90 },
      intervalSeconds: 900,
    });
  });

  it('reads Backstage durations', () => {
    const settings = read({
      interval: '1m',
      initialDelay: { seconds: 10 },
      retention: 'P30D',
      enabled: false,
    });
    expect(settings.intervalSeconds).toBe(60);
    expect(settings.initialDelay).toEqual({ seconds: 10 });
    expect(settings.enabled).toBe(false);
  });

  it.each([
    [{ interval: 'soon' }, /interval/],
    [{ interval: '0s' }, /positive/],
    [{ interval: '2h', retention: '1h' }, /retention must be longer/],
  ])('refuses %j at startup', (history, message) => {
    expect(() => read(history)).toThrow(message);
  });
});
