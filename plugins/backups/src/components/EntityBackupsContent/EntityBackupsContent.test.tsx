import { registerMswTestHooks } from '@backstage/test-utils';
import type { BackupsOverview } from '@internal/plugin-backups-common';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  degradedOverview,
  healthyOverview,
  sourceFailedOverview,
  veleroMissingOverview,
} from '../../__fixtures__/overviewFixtures';
import { historyAnswer } from '../../__fixtures__/historyFixtures';
import { restoreItem } from '../../__fixtures__/restoreFixtures';
import {
  backendError,
  odoo,
  odooUrl,
  renderBackupsTab as renderTab,
} from '../../__testUtils__/renderBackupsTab';

const server = setupServer();
const bslAnchor =
  'platform-finding-velero-bsl-unavailable-BackupStorageLocation-gcs';
const overviewUrl = `${odooUrl}/overview`;

function answer(overview: BackupsOverview) {
  server.use(http.get(overviewUrl, () => HttpResponse.json(overview)));
}

// Each test renders the whole tab; on a busy 2-core machine that can take
// longer than jest's 5 s default.
jest.setTimeout(30_000);

describe('EntityBackupsContent', () => {
  registerMswTestHooks(server);
  beforeEach(() =>
    server.use(
      http.get(`${odooUrl}/restores`, () => HttpResponse.json({ items: [] })),
      http.get(`${odooUrl}/history`, () => HttpResponse.json(historyAnswer())),
    ),
  );

  it('shows the recorded history of each tier below the clusters', async () => {
    answer(healthyOverview);
    await renderTab();
    const history = await screen.findByTestId('backups-history');
    expect(
      await within(history).findByTestId('history-velero-odoo-daily'),
    ).toBeInTheDocument();
    expect(
      within(history).getByTestId('history-cnpg-odoo-pg'),
    ).toBeInTheDocument();
  });

  it('shows every tier healthy and lists the Velero backups', async () => {
    answer(healthyOverview);
    await renderTab();
    expect(
      await screen.findByText('Every backup tier is healthy.'),
    ).toBeInTheDocument();
    expect(screen.getByText('odoo-daily-20261123030000')).toBeInTheDocument();
    expect(screen.getByText('odoo-daily-20261117030000')).toBeInTheDocument();
    expect(screen.getByText('Velero CSI snapshot')).toBeInTheDocument();
    expect(screen.getByText('CNPG WAL + base backup')).toBeInTheDocument();
  });

  it('shows the reasons of a degraded tier and each platform finding once', async () => {
    answer(degradedOverview);
    await renderTab();
    expect(
      await screen.findByText('Some backup tiers are failing.'),
    ).toBeInTheDocument();
    const tier = screen.getByTestId('tier-velero-odoo-daily');
    expect(
      within(tier).getByText(
        'The newest backup odoo-daily-20261123030000 Failed: storage: bucket does not exist',
      ),
    ).toBeVisible();
    expect(
      within(tier).getByRole('link', {
        name: 'BackupStorageLocation gcs: see the platform findings',
      }),
    ).toHaveAttribute('href', `#${bslAnchor}`);
    expect(
      screen.getAllByText(/BackupStorageLocation gcs is Unavailable/),
    ).toHaveLength(1);
    expect(document.getElementById(bslAnchor)).toHaveTextContent(
      'BackupStorageLocation gcs is Unavailable',
    );
  });

  it('shows the refresh note in the header', async () => {
    answer(healthyOverview);
    await renderTab();
    expect(await screen.findByTestId('backups-refresh-note')).toHaveTextContent(
      /refreshes every 60s/,
    );
  });

  it("shows CNPG's schedule from the tier's fields", async () => {
    answer(healthyOverview);
    await renderTab();
    const tier = await screen.findByTestId('tier-cnpg-odoo-pg');
    expect(within(tier).getByText('WAL continuous')).toBeInTheDocument();
    expect(
      within(tier).getByText('Base: At 02:00, only on Sunday (UTC)'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('cnpg-wal')).toHaveTextContent('WAL continuous');
  });

  it('shows a failed source in place with the RBAC rule it needs', async () => {
    answer(sourceFailedOverview);
    await renderTab();
    expect(
      await screen.findByText(/volsync on demo: Forbidden/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /allow "list" on replicationsources.volsync.backube in namespace business-system/,
      ),
    ).toBeInTheDocument();
    // The rest still renders.
    expect(screen.getByText('odoo-daily-20261123030000')).toBeInTheDocument();
  });

  it('says Velero is not installed and still shows the other tiers', async () => {
    answer(veleroMissingOverview);
    await renderTab();
    expect(
      await screen.findByText(/Velero is not installed on cluster "demo"/),
    ).toBeInTheDocument();
    expect(screen.getByText('CNPG WAL + base backup')).toBeInTheDocument();
    expect(screen.queryByText('Velero backups')).not.toBeInTheDocument();
  });

  it('explains what to add when the entity has no annotations', async () => {
    await renderTab({
      ...odoo,
      metadata: { name: 'odoo', namespace: 'default' },
    });
    expect(
      await screen.findByText('Backups are not configured for this entity'),
    ).toBeInTheDocument();
  });

  it('shows the backend error when the overview cannot be loaded', async () => {
    server.use(
      http.get(overviewUrl, () =>
        backendError(403, 'NotAllowedError', 'Forbidden'),
      ),
    );
    await renderTab();
    expect(await screen.findAllByText(/NotAllowedError/)).not.toHaveLength(0);
  });

  it('merges the restores made through Backstage with the overview, once each', async () => {
    const inPlace = 'odoo-daily-20261122030000-r-0f0f0f0f';
    answer({
      ...healthyOverview,
      clusters: [
        {
          ...healthyOverview.clusters[0],
          velero: {
            ...healthyOverview.clusters[0].velero!,
            restores: [
              {
                name: inPlace,
                backupName: 'odoo-daily-20261122030000',
                phase: 'Completed',
                startTimestamp: '2026-11-22T09:00:00Z',
                itemsRestored: 40,
                totalItems: 40,
              },
              { name: 'manual-restore', phase: 'Failed', errors: 3 },
            ],
          },
        },
      ],
    });
    server.use(
      http.get(`${odooUrl}/restores`, () =>
        HttpResponse.json({
          items: [
            restoreItem(),
            restoreItem({
              name: inPlace,
              phase: 'Completed',
              progress: { itemsRestored: 40, totalItems: 40 },
              targetNamespace: 'business-system',
              requestedBy: 'user:default/alice',
            }),
          ],
        }),
      ),
    );
    await renderTab();
    const table = await screen.findByTestId('restores-table');
    expect(await within(table).findByText(inPlace)).toBeInTheDocument();
    expect(within(table).getAllByText(inPlace)).toHaveLength(1);
    expect(within(table).getByText('manual-restore')).toBeInTheDocument();
    expect(within(table).getByText(restoreItem().name)).toBeInTheDocument();
    expect(within(table).getByText('12 of 40 items')).toBeInTheDocument();
    expect(within(table).getByText('by alice')).toBeInTheDocument();
    expect(within(table).getByText('by guest')).toBeInTheDocument();
    expect(
      within(table).getByText('business-system-restore'),
    ).toBeInTheDocument();
  });
});
