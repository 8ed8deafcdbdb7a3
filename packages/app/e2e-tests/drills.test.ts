import { expect, Locator, Page, test } from '@playwright/test';
import { resolve } from 'node:path';
import { openOdooBackups, screenshot } from './backupsPage';
import { clusterList } from './demoCluster';

const DRILL_LABEL = 'backups.backstage.io%2Fdrill';

test.describe.configure({ mode: 'serial' });

/**
 * "Run drill now" shows the plan in a dialog (outside the tier row); only
 * `start` ("Start drill") starts the drill.
 */
async function startPlannedDrill(page: Page, drill: Locator) {
  await drill.getByRole('button', { name: 'Run drill now' }).click();
  const dialog = page.getByTestId('drill-plan-dialog');
  const plan = dialog.getByTestId('drill-plan');
  await expect(plan).toBeVisible({ timeout: 60_000 });
  await expect(
    dialog.getByRole('button', { name: 'Start drill' }),
  ).toBeEnabled();
  return {
    plan,
    start: async () => {
      await dialog.getByRole('button', { name: 'Start drill' }).click();
      await expect(dialog).toBeHidden();
    },
  };
}

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
  const planned = await startPlannedDrill(page, drill);
  // The drill restores into a namespace of its own, named in the plan.
  await expect(planned.plan).toContainText(/business-system-drill-[0-9a-f]{8}/);
  await screenshot(page, 'drill-plan');
  await planned.start();
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
  await (await startPlannedDrill(page, drill)).start();
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
  await (await startPlannedDrill(page, drill)).start();
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
