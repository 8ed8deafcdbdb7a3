import { registerMswTestHooks } from '@backstage/test-utils';
import type {
  RestoreListItem,
  RestorePlanRequest,
} from '@internal/plugin-backups-common';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { healthyOverview } from '../../__fixtures__/overviewFixtures';
import { restoreItem, restorePlan } from '../../__fixtures__/restoreFixtures';
import {
  backendError,
  odooUrl,
  renderBackupsTab,
} from '../../__testUtils__/renderBackupsTab';

const server = setupServer();
// Each test renders the whole tab and walks the dialog as a user would.
jest.setTimeout(30_000);
const newest = 'odoo-daily-20261123030000';
const restoreName = `${newest}-r-5d41402a`;

type Posted = { key: string | null; planId: string };

/**
 * A backend that plans (plan-1, plan-2, …), creates restores once per
 * Idempotency-Key as the real one does, and lists what it created.
 */
function fakeBackend() {
  const plans: RestorePlanRequest[] = [];
  const posted: Posted[] = [];
  const created = new Map<string, RestoreListItem>();
  let answerCreate: (p: Posted) => Response | undefined = () => undefined;
  server.use(
    http.get(`${odooUrl}/overview`, () => HttpResponse.json(healthyOverview)),
    http.get(`${odooUrl}/restores`, () =>
      HttpResponse.json({ items: [...created.values()] }),
    ),
    http.post(`${odooUrl}/restore-plans`, async ({ request }) => {
      const body = (await request.json()) as RestorePlanRequest;
      plans.push(body);
      return HttpResponse.json(restorePlan(body, `plan-${plans.length}`));
    }),
    http.post(`${odooUrl}/restores`, async ({ request }) => {
      const body = (await request.json()) as { planId: string };
      const p = {
        key: request.headers.get('Idempotency-Key'),
        planId: body.planId,
      };
      posted.push(p);
      const refusal = answerCreate(p);
      if (refusal) return refusal;
      const repeat = created.has(p.key!);
      created.set(
        p.key!,
        restoreItem({ name: restoreName, phase: 'New', progress: undefined }),
      );
      return HttpResponse.json(
        {
          cluster: 'demo',
          namespace: 'velero',
          name: restoreName,
          phase: 'New',
        },
        { status: repeat ? 200 : 201 },
      );
    }),
  );
  return {
    plans,
    posted,
    refuseWith: (answer: typeof answerCreate) => {
      answerCreate = answer;
    },
  };
}

async function openDialog(backup = newest) {
  await renderBackupsTab();
  await userEvent.click(await screen.findByTestId(`restore-button-${backup}`));
  return screen.findByTestId('restore-dialog');
}

async function confirmInPlace() {
  await userEvent.type(
    await screen.findByTestId('restore-confirm-input'),
    'business-system',
  );
}

describe('RestoreDialog', () => {
  registerMswTestHooks(server);

  it('shows the whole plan before anything is written', async () => {
    const backend = fakeBackend();
    const dialog = await openDialog();
    const plan = await within(dialog).findByTestId('restore-plan');
    expect(backend.plans).toEqual([
      {
        cluster: 'demo',
        backupName: newest,
        targetNamespace: 'business-system',
        restorePVs: true,
        existingResourcePolicy: 'none',
        suspendGitOps: true,
      },
    ]);
    expect(backend.posted).toEqual([]);
    expect(within(plan).getByTestId('restore-plan-target')).toHaveTextContent(
      `Restore backup ${newest} of namespace business-system into business-system (in place) on cluster demo.`,
    );
    expect(within(plan).getByText('gcs')).toBeInTheDocument();
    expect(
      within(plan).getByText(`Backup ${newest} logged 1 warning(s).`),
    ).toBeInTheDocument();
    expect(within(plan).getByText('PersistentVolumeClaim: 2')).toBeVisible();
    await userEvent.click(within(plan).getByText('PersistentVolumeClaim: 2'));
    expect(within(plan).getByText('business-system/odoo-data')).toBeVisible();
    expect(within(plan).getByText('skipped (kept as it is)')).toBeVisible();
    expect(
      within(plan).getByText('Data comes back for odoo-data, odoo-pg-1.'),
    ).toBeVisible();
    expect(within(plan).getByText(/will be suspended/)).toBeVisible();
    expect(within(plan).getByTestId('restore-plan-object')).toHaveTextContent(
      `"backupName": "${newest}"`,
    );

    await userEvent.click(
      within(dialog).getByLabelText("Update them to the backup's version"),
    );
    expect(
      await within(dialog).findByText('updated to the backup'),
    ).toBeVisible();
    expect(backend.plans[1].existingResourcePolicy).toBe('update');
    expect(backend.posted).toEqual([]);
  });

  it('asks for the namespace name before an in-place restore, not for a new namespace', async () => {
    const backend = fakeBackend();
    const dialog = await openDialog();
    await within(dialog).findByTestId('restore-plan');
    const submit = within(dialog).getByTestId('restore-submit');
    expect(submit).toBeDisabled();
    const input = within(dialog).getByTestId('restore-confirm-input');
    await userEvent.type(input, 'business');
    expect(submit).toBeDisabled();
    await userEvent.type(input, '-system');
    expect(submit).toBeEnabled();

    await userEvent.click(
      within(dialog).getByLabelText(
        'business-system-restore (a new namespace)',
      ),
    );
    await waitFor(() =>
      expect(
        within(dialog).getByTestId('restore-plan-target'),
      ).toHaveTextContent('into business-system-restore (a new namespace)'),
    );
    expect(backend.plans[1]).toEqual({
      cluster: 'demo',
      backupName: newest,
      targetNamespace: 'business-system-restore',
      restorePVs: true,
      existingResourcePolicy: 'none',
    });
    expect(
      within(dialog).queryByTestId('restore-confirm-input'),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).queryByLabelText('Suspend Flux during the restore'),
    ).not.toBeInTheDocument();
    expect(within(dialog).getByTestId('restore-submit')).toBeEnabled();
  });

  it('sends one Idempotency-Key for a double click and shows one restore', async () => {
    const backend = fakeBackend();
    const dialog = await openDialog();
    await within(dialog).findByTestId('restore-plan');
    await confirmInPlace();
    const submit = within(dialog).getByTestId('restore-submit');
    // Both clicks land before React re-renders the disabled button.
    act(() => {
      fireEvent.click(submit);
      fireEvent.click(submit);
    });
    await waitFor(() =>
      expect(screen.queryByTestId('restore-dialog')).not.toBeInTheDocument(),
    );
    expect(backend.posted).toHaveLength(2);
    expect(backend.posted[0].key).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    expect(backend.posted[1]).toEqual(backend.posted[0]);
    expect(screen.getByTestId('restore-requested')).toHaveTextContent(
      `Restore ${restoreName} requested on cluster demo`,
    );
    const table = screen.getByTestId('restores-table');
    expect(await within(table).findByText(restoreName)).toBeInTheDocument();
    await waitFor(() =>
      expect(within(table).getAllByText(restoreName)).toHaveLength(1),
    );
  });

  it('retries a lost answer with the same key', async () => {
    const backend = fakeBackend();
    backend.refuseWith(() => HttpResponse.error());
    const dialog = await openDialog();
    await within(dialog).findByTestId('restore-plan');
    await confirmInPlace();
    await userEvent.click(within(dialog).getByTestId('restore-submit'));
    expect(await within(dialog).findByTestId('restore-error')).toBeVisible();
    backend.refuseWith(() => undefined);
    await userEvent.click(within(dialog).getByTestId('restore-submit'));
    await waitFor(() =>
      expect(screen.queryByTestId('restore-dialog')).not.toBeInTheDocument(),
    );
    expect(backend.posted.map(p => p.key)).toEqual([
      backend.posted[0].key,
      backend.posted[0].key,
    ]);
  });

  it('shows a 409 and plans again with the same choices', async () => {
    const backend = fakeBackend();
    backend.refuseWith(() =>
      backendError(
        409,
        'ConflictError',
        `The cluster changed since the plan was made (backup ${newest}, target business-system, or a running restore); plan again`,
      ),
    );
    const dialog = await openDialog();
    await within(dialog).findByTestId('restore-plan');
    await confirmInPlace();
    await userEvent.click(within(dialog).getByTestId('restore-submit'));
    const error = await within(dialog).findByTestId('restore-error');
    expect(error).toHaveTextContent(
      'The cluster changed since the plan was made',
    );
    expect(within(dialog).getByTestId('restore-submit')).toBeDisabled();

    backend.refuseWith(() => undefined);
    await userEvent.click(within(dialog).getByTestId('restore-plan-again'));
    await waitFor(() => expect(backend.plans).toHaveLength(2));
    expect(backend.plans[1]).toEqual(backend.plans[0]);
    await waitFor(() =>
      expect(within(dialog).getByTestId('restore-submit')).toBeEnabled(),
    );
    expect(
      within(dialog).queryByTestId('restore-error'),
    ).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByTestId('restore-submit'));
    await waitFor(() => expect(backend.posted).toHaveLength(2));
    expect(backend.posted[1].planId).toBe('plan-2');
    expect(backend.posted[1].key).not.toBe(backend.posted[0].key);
  });

  it("shows the server's reason when restoring is not allowed", async () => {
    const backend = fakeBackend();
    const reason =
      'Namespace business-system does not claim component:default/odoo, so its backups cannot be restored from here: kubectl label namespace business-system backstage.io/kubernetes-id=odoo';
    server.use(
      http.post(`${odooUrl}/restore-plans`, () =>
        backendError(403, 'NotAllowedError', reason),
      ),
    );
    const dialog = await openDialog();
    const error = await within(dialog).findByTestId('restore-error');
    expect(error).toHaveTextContent(`Not allowed: ${reason}`);
    expect(
      within(dialog).queryByTestId('restore-plan-again'),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).queryByTestId('restore-plan'),
    ).not.toBeInTheDocument();
    expect(within(dialog).getByTestId('restore-submit')).toBeDisabled();
    expect(backend.posted).toEqual([]);
  });

  it('plans a partly failed backup only once the user acknowledges it', async () => {
    const backend = fakeBackend();
    const partial = 'odoo-daily-20261122030000';
    const cluster = healthyOverview.clusters[0];
    server.use(
      http.get(`${odooUrl}/overview`, () =>
        HttpResponse.json({
          ...healthyOverview,
          clusters: [
            {
              ...cluster,
              velero: {
                ...cluster.velero!,
                backups: cluster.velero!.backups.map(b =>
                  b.name === partial ? { ...b, phase: 'PartiallyFailed' } : b,
                ),
              },
            },
          ],
        }),
      ),
    );
    const dialog = await openDialog(partial);
    expect(
      within(dialog).getByText(/Acknowledge that the backup only partly/),
    ).toBeVisible();
    expect(backend.plans).toEqual([]);
    await userEvent.click(
      within(dialog).getByTestId('restore-option-acknowledgePartiallyFailed'),
    );
    await within(dialog).findByTestId('restore-plan');
    expect(backend.plans).toEqual([
      expect.objectContaining({
        backupName: partial,
        acknowledgePartiallyFailed: true,
      }),
    ]);
  });
});
