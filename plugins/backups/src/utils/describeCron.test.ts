import { DateTime } from 'luxon';
import { describeCron } from './describeCron';

const now = DateTime.fromISO('2026-11-24T00:00:00Z');
const utc = { zone: 'UTC', now };

describe('describeCron', () => {
  it('describes Velero five-field crons in UTC and local time', () => {
    expect(describeCron('0 3 * * *', { zone: 'Australia/Sydney', now })).toBe(
      'daily at 03:00 UTC (14:00 local)',
    );
    expect(describeCron('0 3 * * *', utc)).toBe('daily at 03:00 UTC');
    expect(describeCron('30 4 * * 0', utc)).toBe(
      'weekly on Sunday at 04:30 UTC',
    );
  });

  it('drops the seconds field of CNPG six-field crons', () => {
    expect(describeCron('0 0 2 * * 0', utc)).toBe(
      'weekly on Sunday at 02:00 UTC',
    );
  });

  it('keeps what it cannot put into words', () => {
    expect(describeCron('0 3 1-5 2 *', utc)).toBe('0 3 1-5 2 *');
    expect(describeCron('*/15 * * * *', utc)).toBe('every 15 minutes');
    expect(describeCron(undefined)).toBe('–');
  });
});
