import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { CnpgSection, Tier } from '@internal/plugin-backups-common';
import { cnpgTier } from '../../__fixtures__/overviewFixtures';
import { odoo } from '../../__testUtils__/renderBackupsTab';
import { CnpgCard } from './CnpgCard';

const cnpg: CnpgSection = {
  clusters: [{ name: 'odoo-pg', namespace: 'business-system', instances: 3 }],
  backups: [],
  scheduledBackups: [
    { name: 'odoo-pg-weekly', cluster: 'odoo-pg', schedule: '0 0 2 * * 0' },
  ],
};

/** The card as the Backups tab shows it: on Odoo's entity page. */
function renderCard(section: CnpgSection, tiers: Tier[]) {
  return renderInTestApp(
    <EntityProvider entity={odoo}>
      <CnpgCard cnpg={section} tiers={tiers} />
    </EntityProvider>,
  );
}

describe('CnpgCard', () => {
  it("shows continuous WAL and each base backup schedule from the tier's fields", async () => {
    await renderCard(cnpg, [
      {
        ...cnpgTier,
        schedules: [
          {
            ...cnpgTier.schedules![0],
            description: 'Sundays at two, as the server words it',
          },
        ],
      },
    ]);
    expect(screen.getByTestId('cnpg-wal')).toHaveTextContent('WAL continuous');
    expect(
      screen.getByText(
        'ScheduledBackup odoo-pg-weekly: Sundays at two, as the server words it',
      ),
    ).toBeInTheDocument();
  });

  it("words a schedule the server did not describe with -common's cron", async () => {
    await renderCard(cnpg, [{ ...cnpgTier, continuous: false, schedules: [] }]);
    expect(screen.getByTestId('cnpg-wal')).toHaveTextContent(
      'WAL not archived',
    );
    expect(
      screen.getByText(
        'ScheduledBackup odoo-pg-weekly: At 02:00, only on Sunday (UTC)',
      ),
    ).toBeInTheDocument();
  });

  it('links to the recovery template with the entity, the cluster and its namespace filled in', async () => {
    await renderCard(
      {
        ...cnpg,
        clusters: [
          { ...cnpg.clusters[0], objectStore: 'odoo-objstore' },
          { name: 'scratch-pg', namespace: 'business-system' },
        ],
      },
      [cnpgTier],
    );
    const link = screen.getByRole('link', {
      name: 'Recover to a point in time…',
    });
    const href = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe('/create/templates/default/recover-postgres');
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      entity: 'component:default/odoo',
      cluster: 'odoo-pg',
      namespace: 'business-system',
    });
    // A cluster that archives nowhere has nothing to recover from.
    expect(screen.queryByTestId('cnpg-recover-scratch-pg')).toBeNull();
  });
});
