import { expect, test } from '@playwright/test';
import {
  expectNoSidewaysScroll,
  openOdooBackups,
  screenshot,
  VIEWPORTS,
} from './backupsPage';

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test(`the Backups tab charts what the history task recorded of each tier @healthy`, async ({
      page,
    }) => {
      await openOdooBackups(page);
      const velero = page.getByTestId('history-velero-odoo-daily');
      // The demo's task records 10 s after start, then every minute
      // (app-config.yaml); the card loads once per visit, so reload until then.
      await expect(async () => {
        await page.reload();
        await expect(velero).toBeVisible({ timeout: 10_000 });
      }).toPass({ timeout: 100_000, intervals: [5_000] });

      const history = page.getByTestId('backups-history');
      for (const tier of [
        'velero-odoo-daily',
        'cnpg-odoo-pg',
        'volsync-odoo-filestore',
      ]) {
        const chart = history.getByTestId(`history-${tier}`);
        await expect(chart.getByTestId(`history-${tier}-share`)).toContainText(
          /Met its RPO target \d+(\.\d)?% of the observed time \(.+ in \d+ points?\)/,
        );
        // A recorded point is drawn, on a line of RPO actual and one of target.
        await expect(chart.locator('.recharts-line-dot').first()).toBeVisible();
        await expect(chart.locator('.recharts-legend-item')).toHaveText([
          'RPO actual',
          'RPO target',
        ]);
      }
      await expectNoSidewaysScroll(page);

      await page.getByRole('button', { name: 'Last 90 days' }).click();
      await expect(
        page.getByRole('button', { name: 'Last 90 days' }),
      ).toHaveAttribute('aria-pressed', 'true');
      await expect(velero.locator('.recharts-line-dot').first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await history.scrollIntoViewIfNeeded();
      await screenshot(page, `history-healthy-${viewport.width}`);
    });
  });
}
