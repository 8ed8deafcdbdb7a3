import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { VeleroBackup } from '@internal/plugin-backups-common';
import { VeleroBackupsTable } from './VeleroBackupsTable';

const scope = {
  entityRef: { kind: 'Component', namespace: 'default', name: 'odoo' },
  cluster: 'demo',
  namespace: 'business-system',
};

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
    await renderInTestApp(
      <VeleroBackupsTable
        backups={backups(2000)}
        scope={scope}
        onRestored={() => {}}
      />,
    );
    expect(screen.getByText('odoo-hourly-01999')).toBeInTheDocument();
    expect(screen.queryByText('odoo-hourly-01989')).not.toBeInTheDocument();
    expect(screen.getAllByText(/1-10 of 2000/).length).toBeGreaterThan(0);
    expect(screen.getAllByText('1m').length).toBe(10);
  });

  it('offers a restore of complete and partly failed backups, and every log', async () => {
    const phases = ['Completed', 'PartiallyFailed', 'Failed', 'InProgress'];
    await renderInTestApp(
      <VeleroBackupsTable
        backups={phases.map(phase => ({ name: `odoo-${phase}`, phase }))}
        scope={scope}
        onRestored={() => {}}
      />,
    );
    for (const phase of phases) {
      expect(
        screen.getByTestId(`logs-button-backup-odoo-${phase}`),
      ).toBeInTheDocument();
    }
    expect(screen.getByTestId('restore-button-odoo-Completed')).toBeVisible();
    expect(
      screen.getByTestId('restore-button-odoo-PartiallyFailed'),
    ).toBeVisible();
    expect(
      screen.queryByTestId('restore-button-odoo-Failed'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('restore-button-odoo-InProgress'),
    ).not.toBeInTheDocument();
  });
});
