import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

// Screenshots land in an ignored folder at the repository root.
const SCREENSHOTS = resolve(__dirname, '../../../e2e-screenshots');

/** Signs in as guest and waits until the app has stored the session. */
async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByText('Backups for Backstage Catalog')).toBeVisible({
    timeout: 60_000,
  });
}

async function openOdooBackups(page: Page) {
  await signIn(page);
  await page.goto('/catalog/default/component/odoo');
  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/odoo\/backups/);
  await expect(page.getByTestId('backups-verdict')).toBeVisible();
}

async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: resolve(SCREENSHOTS, `${name}.png`),
    fullPage: true,
  });
}

test("the Backups tab lists Odoo's daily Velero backups @healthy", async ({
  page,
}) => {
  await openOdooBackups(page);
  await expect(
    page.getByRole('cell', { name: /^odoo-daily-\d{14}$/ }).first(),
  ).toBeVisible();
  await expect(page.getByTestId('backups-verdict')).toContainText(
    'Every backup tier is healthy.',
  );
  await screenshot(page, 'backups-healthy');
});

test('a component without Kubernetes annotations has no Backups tab @healthy', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/component/odoo-website');
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Backups' })).toHaveCount(0);
});

test('failed Velero backups and an unavailable BSL put the Velero tier at risk @velero-failing', async ({
  page,
}) => {
  await openOdooBackups(page);
  await expect(page.getByTestId('backups-verdict')).toContainText(
    'Some backup tiers are failing.',
  );
  const veleroRow = page
    .getByRole('row')
    .filter({ hasText: 'velero/odoo-daily' })
    .filter({ hasText: 'Velero CSI snapshot' });
  await expect(veleroRow).toContainText('Critical');
  await expect(veleroRow).toContainText(/Unavailable/);
  await expect(veleroRow).toContainText(/Failed/);
  await screenshot(page, 'backups-velero-failing');
});

test('a schedule whose selector matches no PVC shows the uncovered filestore and the fix @selector-mismatch', async ({
  page,
}) => {
  await openOdooBackups(page);
  const filestore = page
    .getByRole('row')
    .filter({ hasText: 'odoo-filestore' })
    .filter({ hasText: 'remove the labelSelector' });
  await expect(filestore).toContainText(
    'add label `app.kubernetes.io/name=odoo` to PVC `odoo-filestore`, or remove the labelSelector of schedule `odoo-daily`',
  );
  const veleroRow = page
    .getByRole('row')
    .filter({ hasText: 'velero/odoo-daily' })
    .filter({ hasText: 'Velero CSI snapshot' });
  await expect(veleroRow).toContainText('matches no PVC in business-system');
  await screenshot(page, 'backups-selector-mismatch');
});

test("Backstage's own Kubernetes tab reads the Odoo workload from the same simulator @healthy", async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/component/odoo/kubernetes');
  await expect(page.getByText('demo').first()).toBeVisible();
  await expect(page.getByText('odoo', { exact: true }).first()).toBeVisible();
  await expect(
    page.getByText(/Error communicating with Kubernetes/i),
  ).toHaveCount(0);
  await screenshot(page, 'kubernetes-tab-healthy');
});
