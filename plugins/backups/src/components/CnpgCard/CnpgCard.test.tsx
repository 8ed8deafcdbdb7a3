import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { CnpgSection } from '@internal/plugin-backups-common';
import { cnpgTier } from '../../__fixtures__/overviewFixtures';
import { CnpgCard } from './CnpgCard';

const cnpg: CnpgSection = {
  clusters: [{ name: 'odoo-pg', namespace: 'business-system', instances: 3 }],
  backups: [],
  scheduledBackups: [
    { name: 'odoo-pg-weekly', cluster: 'odoo-pg', schedule: '0 0 2 * * 0' },
  ],
};

describe('CnpgCard', () => {
  it("shows continuous WAL and each base backup schedule from the tier's fields", async () => {
    await renderInTestApp(
      <CnpgCard
        cnpg={cnpg}
        tiers={[
          {
            ...cnpgTier,
            schedules: [
              {
                ...cnpgTier.schedules![0],
                description: 'Sundays at two, as the server words it',
              },
            ],
          },
        ]}
      />,
    );
    expect(screen.getByTestId('cnpg-wal')).toHaveTextContent('WAL continuous');
    expect(
      screen.getByText(
        'ScheduledBackup odoo-pg-weekly: Sundays at two, as the server words it',
      ),
    ).toBeInTheDocument();
  });

  it("words a schedule the server did not describe with -common's cron", async () => {
    await renderInTestApp(
      <CnpgCard
        cnpg={cnpg}
        tiers={[{ ...cnpgTier, continuous: false, schedules: [] }]}
      />,
    );
    expect(screen.getByTestId('cnpg-wal')).toHaveTextContent(
      'WAL not archived',
    );
    expect(
      screen.getByText(
        'ScheduledBackup odoo-pg-weekly: At 02:00, only on Sunday (UTC)',
      ),
    ).toBeInTheDocument();
  });
});
