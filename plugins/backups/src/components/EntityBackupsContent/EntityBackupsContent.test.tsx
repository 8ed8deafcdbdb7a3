import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import {
  MockFetchApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
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
import { backupsApiRef, BackupsClient } from '../../api';
import { EntityBackupsContent } from './EntityBackupsContent';

const server = setupServer();
const bslAnchor =
  'platform-finding-velero-bsl-unavailable-BackupStorageLocation-gcs';
const baseUrl = 'http://backstage.test/api/backups';
const overviewUrl = `${baseUrl}/v1/entities/default/Component/odoo/overview`;

const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'odoo',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-namespace': 'business-system',
      'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=odoo',
    },
  },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

async function renderTab(entity: Entity = odoo) {
  const discoveryApi = { getBaseUrl: async () => baseUrl };
  const fetchApi = new MockFetchApi();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [backupsApiRef, new BackupsClient({ discoveryApi, fetchApi })],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityBackupsContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

function answer(overview: BackupsOverview) {
  server.use(http.get(overviewUrl, () => HttpResponse.json(overview)));
}

describe('EntityBackupsContent', () => {
  registerMswTestHooks(server);

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
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Forbidden' },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderTab();
    expect(await screen.findAllByText(/NotAllowedError/)).not.toHaveLength(0);
  });
});
