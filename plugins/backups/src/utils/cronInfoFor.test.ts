import type { CronInfo } from '@internal/plugin-backups-common';
import { cronInfoFor } from './cronInfoFor';

const now = new Date('2026-11-24T00:00:00Z');

describe('cronInfoFor', () => {
  it("prefers the server's CronInfo", () => {
    const server: CronInfo = {
      role: 'backup',
      source: 'odoo-daily',
      expression: '0 3 * * *',
      dialect: 'robfig-v3',
      description: 'from the server',
    };
    expect(
      cronInfoFor([server], {
        role: 'backup',
        source: 'odoo-daily',
        expression: '0 3 * * *',
        dialect: 'robfig-v3',
      }).description,
    ).toBe('from the server');
  });

  it("falls back to -common's parser and words", () => {
    const info = cronInfoFor(
      [],
      {
        role: 'base-backup',
        source: 'odoo-pg-weekly',
        expression: '0 0 2 * * 0',
        dialect: 'robfig-v1',
      },
      now,
    );
    expect(info.description).toBe('At 02:00, only on Sunday (UTC)');
    expect(info.nextRun).toBe('2026-11-29T02:00:00.000Z');
  });

  it('says why the controller would reject an expression', () => {
    const info = cronInfoFor([], {
      role: 'backup',
      source: 'broken',
      expression: '0 25 * * *',
      dialect: 'robfig-v3',
    });
    expect(info.error).toBeTruthy();
    expect(info.description).toBeUndefined();
  });
});
