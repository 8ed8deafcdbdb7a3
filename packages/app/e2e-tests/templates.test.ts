import { expect, test } from '@playwright/test';
import { parseAllDocuments } from 'yaml';
import { screenshot, signIn } from './backupsPage';
import { clusterGet, clusterList, newestBackup } from './demoCluster';
import {
  chooseTemplate,
  createTask,
  demoBranches,
  expectTaskCompleted,
  GITOPS_DEMO,
  nextStep,
  pickEntity,
} from './templatesPage';

// Each template is walked through the real form to a finished task, and its
// outcome is read back from the demo's git server or the demo cluster.
test.describe.configure({ mode: 'serial' });

/** Each file a diff adds: its path and its content (the added lines without their '+'). */
function addedFiles(diff: string) {
  return diff
    .split(/^diff --git /m)
    .filter(section => /^new file mode/m.test(section))
    .map(section => {
      const lines = section.split('\n');
      const path = lines.find(l => l.startsWith('+++ b/'))!.slice(6);
      const content = lines
        .filter(l => l.startsWith('+') && !l.startsWith('+++ '))
        .map(l => l.slice(1))
        .join('\n');
      return { path, documents: parseAllDocuments(content).map(d => d.toJS()) };
    });
}

test('the template list offers the three backups templates and no other @templates', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/create');
  await expect(page.getByTestId('template-card-actions--create')).toHaveCount(
    3,
  );
  for (const title of [
    'Add Velero backup',
    'Restore from Velero backup',
    'Recover PostgreSQL to a point in time',
  ])
    await expect(page.getByText(title, { exact: true })).toBeVisible();
  // The descriptions are Markdown: a name in angle brackets must not vanish as a tag.
  await expect(
    page.getByText('in place or into <namespace>-restore'),
  ).toBeVisible();
});

test('"Add Velero backup" proposes the Velero files for odoo on a branch of the demo repository @templates', async ({
  page,
  request,
}) => {
  await chooseTemplate(page, 'Add Velero backup');
  await pickEntity(page, 'component', 'odoo');
  await nextStep(page);
  await expect(page.locator('#root_repoUrl')).toHaveValue(
    `${GITOPS_DEMO}/odoo-gitops.git`,
  );
  await expect(page.locator('#root_branch')).toHaveValue('main');
  await nextStep(page);
  await nextStep(page, 'Review');
  const taskId = await createTask(page);
  const steps = await expectTaskCompleted(page, request, taskId);
  expect(steps).toEqual({
    entity: 'completed',
    checkout: 'completed',
    velero: 'completed',
    diff: 'completed',
    propose: 'completed',
    pr: 'skipped',
  });

  // The outputs: a link to the proposal, what it holds and the diff.
  const outputs = page.getByTestId('output-box');
  const link = outputs.getByRole('link', { name: 'The proposed change' });
  const url = new URL((await link.getAttribute('href'))!);
  expect(url.origin).toBe(GITOPS_DEMO);
  const branch = url.searchParams.get('branch')!;
  expect(branch).toBe('backups/velero-odoo');
  await expect(page.getByTestId('text-output-box')).toContainText(
    'This repository had no Velero yet',
  );
  await outputs.getByRole('button', { name: 'The diff' }).click();
  const diffCard = page.getByTestId('text-output-box');
  await expect(diffCard).toContainText('velero/schedules/odoo-backup.yaml');
  await expect(diffCard).toContainText('kind: Schedule');
  await screenshot(page, 'template-add-velero-backup');

  // The branch is really on the demo git server, with the Velero files.
  const proposal = (await demoBranches(request)).find(b => b.name === branch);
  expect(proposal, `${branch} on the demo git server`).toBeDefined();
  const schedule = addedFiles(proposal!.diff).find(f =>
    f.path.endsWith('/velero/schedules/odoo-backup.yaml'),
  );
  expect(schedule?.documents).toEqual([
    expect.objectContaining({
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      spec: expect.objectContaining({ schedule: '0 3 * * *' }),
    }),
  ]);
  await page.goto(url.toString());
  await expect(page.locator('body')).toContainText(branch);
  await expect(page.locator('body')).toContainText(
    'velero/schedules/odoo-backup.yaml',
  );
  await expect(page.locator('body')).toContainText(
    'velero-backup-pvc-labels.yaml',
  );
});

test('"Restore from Velero backup" restores the newest backup of odoo into business-system-restore @templates', async ({
  page,
  request,
}) => {
  const backup = await newestBackup(request);
  await chooseTemplate(page, 'Restore from Velero backup');
  await pickEntity(page, 'entityRef', 'odoo');
  await nextStep(page);
  await page.getByRole('button', { name: /^Backup/ }).click();
  await page.getByTestId(`backup-choice-${backup}`).click();
  await expect(page.getByRole('button', { name: /^Backup/ })).toContainText(
    backup,
  );
  await nextStep(page);
  await page.getByLabel(/a new namespace beside it/).check();
  await nextStep(page);

  // The plan, before anything is restored.
  const plan = page.getByTestId('restore-plan');
  await expect(plan.getByTestId('restore-plan-target')).toContainText(
    `Restore backup ${backup} of namespace business-system into business-system-restore (a new namespace)`,
  );
  await expect(
    plan.getByTestId('restore-contents-PersistentVolumeClaim'),
  ).toBeVisible();
  await expect(plan.getByTestId('restore-plan-object')).toContainText(
    '"business-system": "business-system-restore"',
  );
  await screenshot(page, 'template-restore-plan');
  const before = await clusterList(
    request,
    '/apis/velero.io/v1/namespaces/velero/restores',
  );
  expect(before.filter(r => r.spec?.backupName === backup)).toEqual([]);
  await nextStep(page, 'Review');
  const taskId = await createTask(page);
  const steps = await expectTaskCompleted(page, request, taskId);
  expect(steps).toEqual({ entity: 'completed', restore: 'completed' });

  const summary = page.getByTestId('text-output-box');
  await expect(summary).toContainText(
    `of backup ${backup} into business-system-restore on cluster demo: Completed`,
  );
  const name = /Restore (\S+) of backup/.exec(
    (await summary.textContent()) ?? '',
  )?.[1];
  expect(name).toBeDefined();
  await screenshot(page, 'template-restore-completed');

  // The Restore is in the cluster, for that backup, into the new namespace, Completed.
  const restore = await clusterGet(
    request,
    `/apis/velero.io/v1/namespaces/velero/restores/${name}`,
  );
  expect(restore.spec.backupName).toBe(backup);
  expect(restore.spec.namespaceMapping).toEqual({
    'business-system': 'business-system-restore',
  });
  expect(restore.status.phase).toBe('Completed');
  const pvcs = await clusterList(
    request,
    '/api/v1/namespaces/business-system-restore/persistentvolumeclaims',
  );
  const filestore = pvcs.find(p => p.metadata.name === 'odoo-filestore');
  expect(filestore?.metadata.labels?.['velero.io/backup-name']).toBe(backup);
});

test('"Recover PostgreSQL to a point in time" proposes a CNPG recovery Cluster for odoo-pg @templates', async ({
  page,
  request,
}) => {
  await chooseTemplate(page, 'Recover PostgreSQL to a point in time');
  await pickEntity(page, 'entity', 'odoo');
  await page.locator('#root_cluster').fill('odoo-pg');
  await nextStep(page);

  // A time halfway through the window the picker shows (in UTC, its default).
  await expect(page.getByTestId('recovery-window')).toContainText(
    'odoo-pg can be recovered from',
  );
  const input = page.getByTestId('recovery-time');
  const from = Date.parse(`${await input.getAttribute('min')}Z`);
  const to = Date.parse(`${await input.getAttribute('max')}Z`);
  expect(to).toBeGreaterThan(from);
  const chosen = new Date(Math.floor((from + to) / 2 / 1000) * 1000);
  const targetTime = chosen.toISOString().replace(/\.\d+Z$/, 'Z');
  await input.fill(targetTime.slice(0, -1));
  await expect(
    page.getByText(
      `Recovers to ${targetTime.replace('T', ' ').slice(0, -1)} UTC`,
    ),
  ).toBeVisible();
  await nextStep(page);
  await expect(page.locator('#root_repoUrl')).toHaveValue(
    `${GITOPS_DEMO}/odoo-gitops.git`,
  );
  await nextStep(page, 'Review');
  const taskId = await createTask(page);
  const steps = await expectTaskCompleted(page, request, taskId);
  expect(steps).toEqual({
    entity: 'completed',
    checkout: 'completed',
    manifest: 'completed',
    diff: 'completed',
    propose: 'completed',
    'pull-request': 'skipped',
  });

  const branch = `backups/pitr-odoo-pg-${targetTime.replace(/[-:]/g, '')}`;
  const link = page
    .getByTestId('output-box')
    .getByRole('link', { name: 'Proposed change' });
  await expect(link).toHaveAttribute(
    'href',
    `${GITOPS_DEMO}/?branch=${encodeURIComponent(branch)}`,
  );
  await expect(page.getByTestId('text-output-box')).toContainText(
    `Recovers the PostgreSQL cluster odoo-pg to ${targetTime}`,
  );
  await screenshot(page, 'template-recover-postgres');

  // The branch holds a new CNPG Cluster recovering odoo-pg to that time.
  const proposal = (await demoBranches(request)).find(b => b.name === branch);
  expect(proposal, `${branch} on the demo git server`).toBeDefined();
  const manifests = addedFiles(proposal!.diff).filter(f =>
    f.documents.some(d => d?.kind === 'Cluster'),
  );
  expect(manifests, 'the diff adds one Cluster').toHaveLength(1);
  const [cluster] = manifests[0].documents;
  expect(cluster).toMatchObject({
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { namespace: 'business-system' },
    spec: {
      bootstrap: {
        recovery: { source: 'odoo-pg', recoveryTarget: { targetTime } },
      },
    },
  });
  expect(cluster.metadata.name).not.toBe('odoo-pg');
});
