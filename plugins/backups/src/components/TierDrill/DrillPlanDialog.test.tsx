import { ResponseError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { DrillPlan } from '@internal/plugin-backups-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { drillPlan } from '../../__fixtures__/drillFixtures';
import { backendError } from '../../__testUtils__/renderBackupsTab';
import { BackupsApi, backupsApiRef } from '../../api';
import { formatAbsolute } from '../../utils/formatTime';
import { DrillPlanDialog } from './DrillPlanDialog';

const scope = {
  entityRef: { kind: 'Component', namespace: 'default', name: 'odoo' },
  cluster: 'demo',
  namespace: 'business-system',
};
const tier = { kind: 'velero' as const, name: 'odoo-daily' };

/** Throws a refusal as the client does. */
async function refuse(
  status: number,
  name: string,
  message: string,
): Promise<never> {
  throw await ResponseError.fromResponse(backendError(status, name, message));
}

function fakeApi(plan: () => Promise<DrillPlan> = async () => drillPlan()) {
  return {
    planDrill: jest.fn<Promise<DrillPlan>, Parameters<BackupsApi['planDrill']>>(
      plan,
    ),
    runDrill: jest.fn<
      ReturnType<BackupsApi['runDrill']>,
      Parameters<BackupsApi['runDrill']>
    >(async () => ({ id: 'd1', status: 'running' })),
  };
}

async function renderDialog(api: ReturnType<typeof fakeApi>) {
  const onClose = jest.fn();
  const onStarted = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[backupsApiRef, api]]}>
      <DrillPlanDialog
        scope={scope}
        tier={tier}
        onClose={onClose}
        onStarted={onStarted}
      />
    </TestApiProvider>,
  );
  return { onClose, onStarted };
}

const startButton = () => screen.getByRole('button', { name: 'Start drill' });

describe('DrillPlanDialog', () => {
  it('plans the drill of the tier and shows everything it will do', async () => {
    let answer: (plan: DrillPlan) => void = () => {};
    const api = fakeApi(() => new Promise(resolve => (answer = resolve)));
    await renderDialog(api);
    expect(screen.getByTestId('drill-planning')).toBeInTheDocument();
    expect(startButton()).toBeDisabled();
    expect(api.planDrill).toHaveBeenCalledWith(scope.entityRef, {
      tier,
      cluster: 'demo',
    });

    answer(drillPlan());
    const plan = within(await screen.findByTestId('drill-plan'));
    expect(screen.queryByTestId('drill-planning')).toBeNull();
    expect(plan.getByText('velero odoo-daily')).toBeInTheDocument();
    expect(plan.getByText('demo')).toBeInTheDocument();
    expect(plan.getByText('odoo-daily-20261123030000')).toBeInTheDocument();
    expect(
      plan.getByText(formatAbsolute('2026-11-23T03:00:00Z')),
    ).toBeInTheDocument();
    expect(
      plan.getByText('business-system-drill-5d41402a'),
    ).toBeInTheDocument();
    expect(plan.getByText('15m')).toBeInTheDocument();
    const creates = within(plan.getByTestId('drill-plan-creates'));
    expect(creates.getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'Namespace business-system-drill-5d41402a',
      'NetworkPolicy business-system-drill-5d41402a/backups-drill-isolation',
      'Restore velero/backups-drill-5d41402a',
      'ConfigMap velero/backups-drill-5d41402a',
    ]);
    expect(
      within(plan.getByTestId('drill-plan-notes')).getAllByRole('listitem'),
    ).toHaveLength(2);
    expect(plan.getByText('Scaled to zero in the copy: odoo.')).toBeVisible();
    expect(
      plan.getByText(
        /Everything listed is deleted when the drill ends\. Nothing is written to the objects of business-system except where listed\./,
      ),
    ).toBeInTheDocument();
    expect(startButton()).toBeEnabled();
  });

  it('starts the drill of the plan it showed, then closes', async () => {
    const api = fakeApi();
    const { onStarted, onClose } = await renderDialog(api);
    await screen.findByTestId('drill-plan');
    await userEvent.click(startButton());
    await waitFor(() =>
      expect(onStarted).toHaveBeenCalledWith({ id: 'd1', status: 'running' }),
    );
    expect(api.runDrill).toHaveBeenCalledTimes(1);
    expect(api.runDrill).toHaveBeenCalledWith(
      scope.entityRef,
      { tier, cluster: 'demo', planId: drillPlan().id },
      expect.stringMatching(/^[0-9a-f-]{32,36}$/),
    );
    expect(onClose).not.toHaveBeenCalled();
  });

  it.each([
    [409, 'ConflictError', 'Drills are off for component:default/odoo'],
    [400, 'InputError', 'Nothing to drill: the entity has no Velero tier'],
    [
      400,
      'InputError',
      'No restorable backup of schedule odoo-daily holds namespace business-system',
    ],
  ])(
    'shows a refused plan (%s) and offers no start',
    async (status, name, message) => {
      const api = fakeApi(() => refuse(status, name, message));
      await renderDialog(api);
      expect(await screen.findByTestId('drill-plan-error')).toHaveTextContent(
        message,
      );
      expect(screen.queryByTestId('drill-plan')).toBeNull();
      expect(startButton()).toBeDisabled();
      expect(api.runDrill).not.toHaveBeenCalled();
    },
  );

  it('shows a refused start, and starts a spent plan no more', async () => {
    const api = fakeApi();
    api.runDrill.mockImplementation(() =>
      refuse(409, 'ConflictError', 'Plan 5d41402a already started a drill'),
    );
    const { onStarted } = await renderDialog(api);
    await screen.findByTestId('drill-plan');
    await userEvent.click(startButton());
    expect(await screen.findByTestId('drill-plan-error')).toHaveTextContent(
      'Plan 5d41402a already started a drill',
    );
    expect(startButton()).toBeDisabled();
    expect(onStarted).not.toHaveBeenCalled();
  });

  it('retries a start that failed in transit with the same Idempotency-Key', async () => {
    const api = fakeApi();
    api.runDrill.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const { onStarted } = await renderDialog(api);
    await screen.findByTestId('drill-plan');
    await userEvent.click(startButton());
    expect(await screen.findByTestId('drill-plan-error')).toHaveTextContent(
      'Failed to fetch',
    );
    expect(startButton()).toBeEnabled();
    await userEvent.click(startButton());
    await waitFor(() => expect(onStarted).toHaveBeenCalledTimes(1));
    const [first, second] = api.runDrill.mock.calls;
    expect(second[2]).toBe(first[2]);
  });

  it('writes nothing on Cancel', async () => {
    const api = fakeApi();
    const { onClose, onStarted } = await renderDialog(api);
    await screen.findByTestId('drill-plan');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(api.runDrill).not.toHaveBeenCalled();
    expect(onStarted).not.toHaveBeenCalled();
  });
});
