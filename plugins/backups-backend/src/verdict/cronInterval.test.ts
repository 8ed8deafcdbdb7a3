import { cronIntervalSeconds } from './cronInterval';

describe('cronIntervalSeconds', () => {
  it.each([
    ['0 3 * * *', 86400],
    ['0 4 * * *', 86400],
    ['*/15 * * * *', 900],
    ['0 */6 * * *', 6 * 3600],
    ['0 3,15 * * *', 12 * 3600],
    ['0 0 2 * * 0', 7 * 86400], // CNPG: six fields, seconds first
    ['30 1 * * 1-5', 3 * 86400], // weekdays: Friday to Monday
    ['@daily', 86400],
  ])('%s runs at most every %i seconds', (cron, seconds) => {
    expect(cronIntervalSeconds(cron)).toBe(seconds);
  });

  it('gives up on what it does not understand', () => {
    expect(cronIntervalSeconds('not a cron')).toBeUndefined();
    expect(cronIntervalSeconds('0 25 * * *')).toBeUndefined();
    expect(cronIntervalSeconds(undefined)).toBeUndefined();
  });
});
