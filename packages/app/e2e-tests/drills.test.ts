import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { openOdooBackups, screenshot } from './backupsPage';
import { clusterList } from './demoCluster';

const DRILL_LABEL = 'backups.backstage.io%2Fdrill';

test.describe.configure({ mode: 'serial' });

// A drill restores into a namespace of its own, waits for the copy to come
// up and deletes it: it runs on the fresh healthy cluster with the restores.
test('"Run drill now" drills the Velero tier to passed, shows the proven restore, and leaves no drill namespace @restore', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await openOdooBackups(page);
  const tier = page.getByTestId('tier-velero-odoo-daily');
  const drill = tier.getByTestId('tier-drill');
  await expect(drill).toContainText('Never proven by a drill');
  await drill.getByRole('button', { name: 'Run drill now' }).click();
  await expect(drill.getByTestId('drill-running')).toBeVisible();
  await screenshot(page, 'drill-running');
  await expect(drill.getByTestId('drill-outcome')).toContainText(
    'Drill passed',
    { timeout: 180_000 },
  );
  await expect(drill.getByTestId('last-proven-restore')).toContainText(
    'Proven',
  );
  await expect(tier).toHaveAttribute('data-tier-status', 'healthy');
  await screenshot(page, 'drill-passed');
  await page.getByTestId('tier-table').screenshot({
    path: resolve(__dirname, '../../../e2e-screenshots/drill-tier-table.png'),
  });
  // Everything the drill created is gone.
  await expect
    .poll(
      async () =>
        (
          await clusterList(
            request,
            `/api/v1/namespaces?labelSelector=${DRILL_LABEL}`,
          )
        ).map(n => n.metadata.name),
      { timeout: 60_000 },
    )
    .toEqual([]);
});

test('"Run drill now" recovers the CNPG tier to passed and deletes the recovery Cluster @restore', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await openOdooBackups(page);
  const drill = page.getByTestId('tier-cnpg-odoo-pg').getByTestId('tier-drill');
  await drill.getByRole('button', { name: 'Run drill now' }).click();
  await expect(drill.getByTestId('drill-outcome')).toContainText(
    'Drill passed',
    { timeout: 180_000 },
  );
  await expect(drill.getByTestId('last-proven-restore')).toContainText(
    'Proven',
  );
  await expect
    .poll(
      async () =>
        (
          await clusterList(
            request,
            `/apis/postgresql.cnpg.io/v1/namespaces/business-system/clusters?labelSelector=${DRILL_LABEL}`,
          )
        ).map(c => c.metadata.name),
      { timeout: 60_000 },
    )
    .toEqual([]);
});

test('"Run drill now" restores the VolSync tier into a fresh PVC, to passed, and deletes the ReplicationDestination @restore', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await openOdooBackups(page);
  const drill = page
    .getByTestId('tier-volsync-odoo-filestore')
    .getByTestId('tier-drill');
  await drill.getByRole('button', { name: 'Run drill now' }).click();
  await expect(drill.getByTestId('drill-outcome')).toContainText(
    'Drill passed',
    { timeout: 180_000 },
  );
  await expect
    .poll(
      async () =>
        (
          await clusterList(
            request,
            `/apis/volsync.backube/v1alpha1/namespaces/business-system/replicationdestinations?labelSelector=${DRILL_LABEL}`,
          )
        ).map(d => d.metadata.name),
      { timeout: 60_000 },
    )
    .toEqual([]);
});
