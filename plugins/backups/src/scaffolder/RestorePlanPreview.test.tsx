import { registerMswTestHooks } from '@backstage/test-utils';
import type { RestorePlanRequest } from '@internal/plugin-backups-common';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { restorePlan } from '../__fixtures__/restoreFixtures';
import { backendError, odooUrl } from '../__testUtils__/renderBackupsTab';
import { renderField } from './__testUtils__/renderField';
import {
  RestorePlanPreview,
  restorePlanPreviewValidation,
} from './RestorePlanPreview';
import { RestoreForm } from './restoreForm';

const server = setupServer();

/** Plans as the backend does; anything else (a restore) is an unhandled request, an error. */
function planner(answer?: () => Response, gate?: Promise<void>) {
  const plans: RestorePlanRequest[] = [];
  server.use(
    http.post(`${odooUrl}/restore-plans`, async ({ request }) => {
      const body = (await request.json()) as RestorePlanRequest;
      plans.push(body);
      await gate;
      return answer?.() ?? HttpResponse.json(restorePlan(body));
    }),
  );
  return plans;
}

const form: RestoreForm = {
  entityRef: 'component:default/odoo',
  backupName: 'odoo-daily-20261123030000',
  target: 'in-place',
  existingResourcePolicy: 'none',
  restorePVs: true,
  suspendGitOps: true,
  acknowledgePartiallyFailed: false,
};

describe('RestorePlanPreview', () => {
  registerMswTestHooks(server);

  it("shows the plan for the form's choices, read-only, and holds its hash", async () => {
    let answer = () => {};
    const plans = planner(undefined, new Promise(r => (answer = r)));
    const { onChange } = await renderField(RestorePlanPreview, form);

    expect(screen.getByTestId('progress')).toBeInTheDocument();
    answer();
    const plan = await screen.findByTestId('restore-plan');
    expect(plans).toEqual([
      {
        backupName: 'odoo-daily-20261123030000',
        targetNamespace: 'business-system',
        existingResourcePolicy: 'none',
        restorePVs: true,
        suspendGitOps: true,
        acknowledgePartiallyFailed: false,
      },
    ]);
    expect(screen.getByTestId('restore-plan-target')).toHaveTextContent(
      'into business-system (in place) on cluster demo',
    );
    expect(plan).toHaveTextContent('skipped (kept as it is)');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /restore/i })).toBeNull();
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith('hash-of-plan-1'),
    );
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('plans a new namespace as <namespace>-restore', async () => {
    const plans = planner();
    await renderField(RestorePlanPreview, {
      ...form,
      target: 'new-namespace',
      existingResourcePolicy: 'update',
      restorePVs: false,
    });
    await screen.findByTestId('restore-plan');
    expect(plans[0]).toMatchObject({
      targetNamespace: 'business-system-restore',
      existingResourcePolicy: 'update',
      restorePVs: false,
    });
  });

  it("shows the backend's refusal, naming the field, and holds no plan", async () => {
    planner(() =>
      backendError(
        400,
        'InputError',
        'acknowledgePartiallyFailed: backup odoo-daily-20261123030000 only partly succeeded (PartiallyFailed); set acknowledgePartiallyFailed to restore what it holds',
      ),
    );
    const { onChange } = await renderField(
      RestorePlanPreview,
      form,
      'hash-of-an-earlier-plan',
    );
    expect(
      await screen.findByTestId('restore-preview-error'),
    ).toHaveTextContent(
      'The backend refused to plan this restore: acknowledgePartiallyFailed: backup odoo-daily-20261123030000 only partly succeeded',
    );
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('waits for the component and the backup', async () => {
    const plans = planner();
    await renderField(RestorePlanPreview, { entityRef: form.entityRef });
    expect(
      screen.getByText('Choose the component and the backup first.'),
    ).toBeInTheDocument();
    expect(plans).toEqual([]);
  });

  it('refuses to go on without a plan', () => {
    const errors: string[] = [];
    const validation = { addError: (e: string) => errors.push(e) } as any;
    restorePlanPreviewValidation(undefined as any, validation, {} as any);
    restorePlanPreviewValidation('hash-of-plan-1', validation, {} as any);
    expect(errors).toEqual(['There is no plan for these choices yet']);
  });
});
