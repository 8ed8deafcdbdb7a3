import { expect, test } from '@playwright/test';
import {
  expectNoClippedText,
  expectNoSidewaysScroll,
  expectReasonsOfEveryNonHealthyTier,
  expectRefreshNoteVisible,
  openOdooBackups,
  screenshot,
  signIn,
  VIEWPORTS,
} from './backupsPage';

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test(`the Backups tab shows every tier healthy and fits @healthy`, async ({
      page,
    }) => {
      await openOdooBackups(page);
      await expect(page.getByTestId('backups-verdict')).toContainText(
        'Every backup tier is healthy.',
      );
      await expect(
        page.getByRole('cell', { name: /^odoo-daily-\d{14}/ }).first(),
      ).toBeVisible();
      await expectRefreshNoteVisible(page);
      // The backend's cache watches every kind it reads from the demo cluster.
      await expect(page.getByTestId('data-sources-demo')).toContainText(
        /Cluster data: (\d+) of \1 kinds kept current by watches\./,
      );
      await expectNoSidewaysScroll(page);
      await expectNoClippedText(page);
      await expectReasonsOfEveryNonHealthyTier(page);
      // CNPG's schedule comes from the tier's fields, not from a sentence.
      const cnpg = page.getByTestId('tier-cnpg-odoo-pg');
      await expect(cnpg.getByTestId('schedule-continuous')).toHaveText(
        'WAL continuous',
      );
      await expect(
        cnpg.locator('[data-testid^="cron-base-backup-"]'),
      ).toContainText(/^Base: /);
      await screenshot(page, `backups-healthy-${viewport.width}`);
    });

    test(`a failed backup and an unavailable BSL make the Velero tier critical, with its reasons on screen @velero-failing`, async ({
      page,
    }) => {
      await openOdooBackups(page);
      await expect(page.getByTestId('backups-verdict')).toContainText(
        'Some backup tiers are failing.',
      );
      const velero = page.getByTestId('tier-velero-odoo-daily');
      await expect(velero).toHaveAttribute('data-tier-status', 'critical');
      await expect(
        velero.locator('[data-finding-code="velero.backup.failed"]'),
      ).toContainText(/Failed/);

      // The BSL is a platform finding, said once; the tier links to it.
      const platform = page.getByTestId('platform-findings');
      const bsl = platform.locator(
        '[data-finding-code="velero.bsl.unavailable"]',
      );
      await expect(bsl).toHaveCount(1);
      await expect(bsl).toContainText(
        /BackupStorageLocation gcs is Unavailable: /,
      );
      await expect(
        page.getByText(/BackupStorageLocation gcs is Unavailable/),
      ).toHaveCount(1);
      const link = velero
        .locator('[data-finding-code="velero.bsl.unavailable"]')
        .getByRole('link');
      await expect(link).toHaveAttribute(
        'href',
        `#${await bsl.getAttribute('id')}`,
      );

      await expectRefreshNoteVisible(page);
      await expectNoSidewaysScroll(page);
      await expectNoClippedText(page);
      const codes = await expectReasonsOfEveryNonHealthyTier(page);
      expect(codes['tier-velero-odoo-daily']).toEqual(
        expect.arrayContaining([
          'velero.backup.failed',
          'velero.bsl.unavailable',
        ]),
      );
      await screenshot(page, `backups-velero-failing-${viewport.width}`);

      await link.click();
      await expect(bsl).toBeInViewport();
    });
  });
}

test('a component without Kubernetes annotations has no Backups tab @healthy', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/component/odoo-website');
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Backups' })).toHaveCount(0);
});

test("Velero's pod action covers the filestore through the odoo pod, while the CNPG PVCs need the label @selector-mismatch", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS[0]);
  await openOdooBackups(page);
  const coverageRow = (pvc: string) =>
    page.getByRole('row').filter({ has: page.getByTestId(`coverage-${pvc}`) });

  // odoo-filestore lacks the label, but the selected odoo pod mounts it.
  const filestore = coverageRow('odoo-filestore').locator(
    '[data-tier="velero/odoo-daily"]',
  );
  await expect(filestore).toHaveAttribute('data-via', 'pod');
  await expect(filestore).toContainText(/through pod odoo-/);

  // The CNPG PVCs are not in odoo-daily's backups; the fix goes through the Cluster.
  for (const pvc of ['odoo-pg-1', 'odoo-pg-2', 'odoo-pg-3']) {
    const row = coverageRow(pvc);
    await expect(row.locator('[data-tier="cnpg/odoo-pg"]')).toHaveCount(1);
    await expect(row.locator('[data-tier="velero/odoo-daily"]')).toHaveCount(0);
    await expect(row).toContainText('spec.inheritedMetadata.labels');
  }

  // The selector does match a pod that mounts a PVC: no "matches no PVC" verdict.
  const velero = page.getByTestId('tier-velero-odoo-daily');
  await expect(velero).toBeVisible();
  await expect(
    velero.locator(
      '[data-finding-code="velero.coverage.selectorMatchesNoPvc"]',
    ),
  ).toHaveCount(0);
  await expect(velero).not.toContainText(/matches no PVC/);
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'backups-selector-mismatch-1280');
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
