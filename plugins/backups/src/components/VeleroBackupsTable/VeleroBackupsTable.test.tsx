import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { VeleroBackup } from '@internal/plugin-backups-common';
import { VeleroBackupsTable } from './VeleroBackupsTable';

function backups(count: number): VeleroBackup[] {
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(2026, 0, 1) + i * 3600_000);
    return {
      name: `odoo-hourly-${String(i).padStart(5, '0')}`,
      schedule: 'odoo-hourly',
      phase: i % 100 === 0 ? 'PartiallyFailed' : 'Completed',
      startTimestamp: start.toISOString(),
      completionTimestamp: new Date(start.getTime() + 60_000).toISOString(),
    };
  });
}

describe('VeleroBackupsTable', () => {
  it('pages thousands of backups, newest first', async () => {
    await renderInTestApp(<VeleroBackupsTable backups={backups(2000)} />);
    expect(screen.getByText('odoo-hourly-01999')).toBeInTheDocument();
    expect(screen.queryByText('odoo-hourly-01989')).not.toBeInTheDocument();
    expect(screen.getAllByText(/1-10 of 2000/).length).toBeGreaterThan(0);
    expect(screen.getAllByText('1m').length).toBe(10);
  });
});
