import { expect, Page, test } from '@playwright/test';
import { openOdooBackups, screenshot } from './backupsPage';
import {
  AUTH,
  CLUSTER,
  clusterList,
  completedBackups,
  newestBackup,
} from './demoCluster';

async function planInto(page: Page, backup: string, target: string) {
  await page.getByTestId(`restore-button-${backup}`).click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(new RegExp(`^${target} \\(`)).check();
  await expect(dialog.getByTestId('restore-plan-target')).toContainText(target);
  return dialog;
}

test.describe.configure({ mode: 'serial' });

test('a restore is planned, confirmed and followed to Completed, and the objects are in the target namespace @restore', async ({
  page,
  request,
}) => {
  const backup = await newestBackup(request);
  await openOdooBackups(page);
  const dialog = await planInto(page, backup, 'business-system-restore');
  // The plan comes first: what the backup holds and the exact Restore object.
  const plan = dialog.getByTestId('restore-plan');
  await expect(plan).toContainText('"namespaceMapping"');
  await expect(
    plan.getByTestId('restore-contents-PersistentVolumeClaim'),
  ).toBeVisible();
  await screenshot(page, 'restore-plan');
  await dialog.getByTestId('restore-submit').click();
  await expect(dialog).toBeHidden();
  const requested = page.getByTestId('restore-requested');
  await expect(requested).toBeVisible();
  // The row of this restore: the table may list others (a drill's) already Completed.
  const name = /Restore (\S+) requested/.exec(
    (await requested.textContent()) ?? '',
  )?.[1];
  expect(name).toBeDefined();
  const row = page
    .getByTestId('restores-table')
    .getByRole('row')
    .filter({ hasText: name! });
  await expect(row).toContainText('business-system-restore');
  await expect(row).toContainText('Completed', { timeout: 60_000 });
  await screenshot(page, 'restore-completed');

  const pvcs = await clusterList(
    request,
    '/api/v1/namespaces/business-system-restore/persistentvolumeclaims',
  );
  expect(pvcs.map(p => p.metadata.name)).toContain('odoo-filestore');
  expect(pvcs[0].metadata.labels?.['velero.io/backup-name']).toBe(backup);
});

test('a double submit creates one Restore @restore', async ({
  page,
  request,
}) => {
  const backup = await newestBackup(request);
  const before = await clusterList(
    request,
    '/apis/velero.io/v1/namespaces/velero/restores',
  );
  await openOdooBackups(page);
  const dialog = await planInto(page, backup, 'business-system');
  // In place: the namespace must be typed first.
  const submit = dialog.getByTestId('restore-submit');
  await expect(submit).toBeDisabled();
  await dialog.getByTestId('restore-confirm-input').fill('business-system');
  await submit.dblclick();
  await expect(page.getByTestId('restore-requested')).toBeVisible();
  const after = await clusterList(
    request,
    '/apis/velero.io/v1/namespaces/velero/restores',
  );
  expect(after.length - before.length).toBe(1);
});

test('a backup deleted after planning is refused with 409 and a new plan offered @restore', async ({
  page,
  request,
}) => {
  const [backup] = await completedBackups(request);
  await openOdooBackups(page);
  const dialog = await planInto(page, backup, 'business-system-restore');
  await expect(dialog.getByTestId('restore-plan')).toBeVisible();
  const deleted = await request.delete(
    `${CLUSTER}/apis/velero.io/v1/namespaces/velero/backups/${backup}`,
    { headers: AUTH },
  );
  expect(deleted.ok()).toBe(true);
  const before = await clusterList(
    request,
    '/apis/velero.io/v1/namespaces/velero/restores',
  );
  await dialog.getByTestId('restore-submit').click();
  await expect(dialog.getByTestId('restore-error')).toContainText(
    /changed since the plan was made/,
  );
  await expect(dialog.getByTestId('restore-plan-again')).toBeVisible();
  const after = await clusterList(
    request,
    '/apis/velero.io/v1/namespaces/velero/restores',
  );
  expect(after.length).toBe(before.length);
  await screenshot(page, 'restore-conflict');
});
