import { dbDateTime, dbIso } from './dbTime';

describe('datetimes read back from the database', () => {
  const iso = '2026-11-30T15:04:05.123Z';

  it('reads PostgreSQL Dates, SQLite epoch milliseconds and SQLite text alike, as UTC', () => {
    expect(dbIso(new Date(iso))).toBe(iso);
    expect(dbIso(Date.parse(iso))).toBe(iso);
    expect(dbIso(String(Date.parse(iso)))).toBe(iso);
    expect(dbIso('2026-11-30 15:04:05.123')).toBe(iso);
    expect(dbDateTime(iso).zoneName).toBe('UTC');
  });

  it('keeps NULL as undefined', () => {
    expect(dbIso(null)).toBeUndefined();
    expect(dbIso(undefined)).toBeUndefined();
  });
});
