import { CNPG_CRON_DIALECT, VELERO_CRON_DIALECT } from './CronSchedule';
import { cronLongestIntervalSeconds, cronNextRun } from './cronTimes';
import { describeCron } from './describeCron';
import { parseCron } from './parseCron';

const DAY = 86400;

function velero(expression: string) {
  const result = parseCron(expression, VELERO_CRON_DIALECT);
  if (!result.ok) throw new Error(result.error);
  return result.schedule;
}

function cnpg(expression: string) {
  const result = parseCron(expression, CNPG_CRON_DIALECT);
  if (!result.ok) throw new Error(result.error);
  return result.schedule;
}

describe('Velero and VolSync cron (robfig/cron v3 ParseStandard)', () => {
  it.each([
    ['0 3 * * *', DAY],
    ['*/15 * * * *', 900],
    ['0 */6 * * *', 6 * 3600],
    ['0 3,15 * * *', 12 * 3600],
    ['30 1 * * 1-5', 3 * DAY], // Friday to Monday
    ['0 3 ? * *', DAY], // ? is *
    ['0 3 * * MON', 7 * DAY], // weekday names
    ['0 3 1 jan-mar *', 306 * DAY], // Mar 1 to Jan 1
    ['0 0 29 2 *', 1461 * DAY], // leap days only
    ['@daily', DAY],
    ['@weekly', 7 * DAY],
    ['@monthly', 31 * DAY],
    ['@every 6h', 6 * 3600],
    ['@every 1h30m', 5400],
    ['CRON_TZ=UTC 0 3 * * *', DAY],
    // A daylight-saving zone: one gap a year is an hour longer.
    ['CRON_TZ=Europe/Paris 0 3 * * *', DAY + 3600],
    ['* * * * *', 60],
  ])('%s runs at most every %i seconds', (expression, seconds) => {
    expect(cronLongestIntervalSeconds(velero(expression))).toBe(seconds);
  });

  it('uses OR for day fields once a step clears the star bit, as v3 does', () => {
    // Every other day of the month, or any Monday.
    const schedule = velero('0 0 */2 * 1');
    expect(schedule.fields!.dayOfMonthStar).toBe(false);
    expect(cronLongestIntervalSeconds(schedule)).toBe(2 * DAY);
  });

  it.each([
    ['0 3 * * * *', /expected 5 fields/],
    ['0 3 * *', /expected 5 fields/],
    ['0 3 * * 7', /outside 0-6/],
    ['0 24 * * *', /outside 0-23/],
    ['0 3 L * *', /not valid/],
    ['0 3 * * 1#2', /not valid/],
    ['0 3 * * 5-1', /starts after it ends/],
    ['*/0 * * * *', /step/],
    ['0 3 * JAN-X *', /not valid/],
    ['0 MON * * *', /not valid/],
    ['CRON_TZ=Mars/Olympus 0 3 * * *', /unknown time zone/],
    ['@fortnightly', /unknown descriptor/],
    ['@every 1d', /not a Go duration/],
    ['', /empty/],
  ])('rejects %j as Velero would', (expression, message) => {
    const result = parseCron(expression, VELERO_CRON_DIALECT);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('says when a valid schedule never runs', () => {
    expect(cronLongestIntervalSeconds(velero('0 0 30 2 *'))).toBeUndefined();
    expect(cronNextRun(velero('0 0 30 2 *'), new Date())).toBeUndefined();
  });

  it('runs first at the next tick after a given time, in its zone', () => {
    const created = new Date('2026-11-29T10:00:00Z');
    expect(cronNextRun(velero('0 3 * * *'), created)).toEqual(
      new Date('2026-11-30T03:00:00Z'),
    );
    expect(
      cronNextRun(velero('CRON_TZ=Europe/Paris 0 3 * * *'), created),
    ).toEqual(new Date('2026-11-30T02:00:00Z'));
    expect(cronNextRun(velero('@every 6h'), created)).toEqual(
      new Date('2026-11-29T16:00:00Z'),
    );
    expect(
      cronNextRun(velero('0 3 * * *'), new Date('2026-11-30T03:00:00Z')),
    ).toEqual(new Date('2026-12-01T03:00:00Z'));
  });

  it('describes schedules in words with their zone', () => {
    expect(describeCron(velero('0 3 * * *'))).toBe('At 03:00 (UTC)');
    expect(describeCron(velero('CRON_TZ=Europe/Paris 0 3 * * MON'))).toBe(
      'At 03:00, only on Monday (Europe/Paris)',
    );
    expect(describeCron(velero('@every 6h'))).toBe('Every 6 hours');
    expect(describeCron(velero('@daily'))).toBe('At 00:00 (UTC)');
  });

  it('computes intervals from the expanded fields, not by walking minutes', () => {
    // Every second of a day, every day: a minute-by-minute walk over the
    // nine-year horizon would never finish within jest's timeout.
    expect(cronLongestIntervalSeconds(cnpg('* * * * * *'))).toBe(1);
  });
});

describe('CloudNativePG cron (robfig/cron v1 Parse, seconds first)', () => {
  it.each([
    ['0 0 2 * * *', DAY], // daily at 02:00:00
    ['0 0 2 * *', DAY], // five fields are sec..month: still daily at 02:00:00
    ['0 2 * * *', 3600], // minute 2 of every hour
    ['0 0 0 * * 0', 7 * DAY],
    ['0 0 0 * * SUN', 7 * DAY],
    ['@weekly', 7 * DAY],
    ['@every 24h', DAY],
  ])('%s runs at most every %i seconds', (expression, seconds) => {
    expect(cronLongestIntervalSeconds(cnpg(expression))).toBe(seconds);
  });

  it('keeps the star bit for */n, so both day fields must match (v1 AND)', () => {
    // Every other day of the month that is also a Monday.
    const schedule = cnpg('0 0 0 */2 * 1');
    expect(schedule.fields!.dayOfMonthStar).toBe(true);
    expect(cronLongestIntervalSeconds(schedule)).toBeGreaterThan(7 * DAY);
  });

  it('has no time zone prefix', () => {
    const result = parseCron('CRON_TZ=UTC 0 0 2 * * *', CNPG_CRON_DIALECT);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/no CRON_TZ/);
  });

  it('describes the seconds field correctly', () => {
    expect(describeCron(cnpg('0 0 2 * *'))).toBe('At 02:00 (UTC)');
    expect(describeCron(cnpg('0 2 * * *'))).toBe(
      'At 2 minutes past the hour (UTC)',
    );
  });
});
