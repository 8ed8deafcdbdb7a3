import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { MockPermissionApi, registerMswTestHooks } from '@backstage/test-utils';
import type { BackupsOverview, Drill } from '@internal/plugin-backups-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { drillPlan } from '../../__fixtures__/drillFixtures';
import { historyAnswer } from '../../__fixtures__/historyFixtures';
import {
  healthyOverview,
  veleroTier,
} from '../../__fixtures__/overviewFixtures';
import {
  backendError,
  baseUrl,
  odoo,
  odooUrl,
  renderBackupsTab,
} from '../../__testUtils__/renderBackupsTab';

const server = setupServer();
jest.setTimeout(30_000);

function withVeleroTier(
  overview: BackupsOverview,
  tier: Partial<typeof veleroTier>,
): BackupsOverview {
  return {
    ...overview,
    clusters: overview.clusters.map(c => ({
      ...c,
      tiers: c.tiers.map(t => (t.kind === 'velero' ? { ...t, ...tier } : t)),
    })),
  };
}

/** The overview with a VolSync tier besides. */
function withVolsyncTier(overview: BackupsOverview): BackupsOverview {
  return {
    ...overview,
    clusters: overview.clusters.map(c => ({
      ...c,
      tiers: [
        ...c.tiers,
        { ...veleroTier, kind: 'volsync' as const, name: 'odoo-filestore' },
      ],
    })),
  };
}

const drill = (fields: Partial<Drill>): Drill => ({
  id: 'd1',
  cluster: healthyOverview.clusters[0].cluster,
  tier: { kind: 'velero', name: veleroTier.name },
  trigger: 'manual',
  startedAt: new Date().toISOString(),
  outcome: 'running',
  ...fields,
});

const veleroRow = async () =>
  within(await screen.findByTestId(`tier-velero-${veleroTier.name}`));

/** Answers each drill plan request with the plan of the Velero tier, noting the request. */
function planDrills() {
  const requests: unknown[] = [];
  server.use(
    http.post(`${odooUrl}/drill-plans`, async ({ request }) => {
      requests.push(await request.json());
      return HttpResponse.json(drillPlan());
    }),
  );
  return requests;
}

/** The plan dialog, once it shows the plan. */
async function shownPlan() {
  const dialog = await screen.findByTestId('drill-plan-dialog');
  await within(dialog).findByTestId('drill-plan');
  return within(dialog);
}

describe('TierDrill', () => {
  registerMswTestHooks(server);
  beforeEach(() =>
    server.use(
      http.get(`${odooUrl}/restores`, () => HttpResponse.json({ items: [] })),
      http.get(`${odooUrl}/history`, () => HttpResponse.json(historyAnswer())),
    ),
  );

  it('shows the last proven restore against the RTO target, and a failed drill', async () => {
    server.use(
      http.get(`${odooUrl}/overview`, () =>
        HttpResponse.json(
          withVeleroTier(withVolsyncTier(healthyOverview), {
            lastProvenRestore: {
              drillId: 'd0',
              at: new Date(Date.now() - 2 * 86400_000).toISOString(),
              recoveryPoint: '2026-11-30T03:00:02Z',
              rtoSeconds: 3900,
              rtoTargetSeconds: 3600,
            },
            lastDrill: {
              id: 'd1',
              startedAt: new Date().toISOString(),
              outcome: 'failed',
              failureReason:
                'Not ready within the time limit: PersistentVolumeClaim odoo-pg-1 (Pending)',
            },
          }),
        ),
      ),
    );
    await renderBackupsTab();
    const row = await veleroRow();
    expect(row.getByTestId('last-proven-restore')).toHaveTextContent(
      'Proven 2 days ago',
    );
    expect(row.getByText('RTO 1h 5m / target 1h')).toBeInTheDocument();
    expect(row.getByTestId('drill-outcome')).toHaveTextContent(
      'Drill failed: Not ready within the time limit: PersistentVolumeClaim odoo-pg-1 (Pending)',
    );
    const volsync = within(
      await screen.findByTestId('tier-volsync-odoo-filestore'),
    );
    expect(volsync.getByTestId('tier-drill')).toHaveTextContent(
      'Never proven by a drill',
    );
    expect(
      volsync.getByRole('button', { name: 'Run drill now' }),
    ).toBeInTheDocument();
  });

  it('runs a drill from the button, follows it, and shows that it passed', async () => {
    let overviews = 0;
    let posted: { body: unknown; key: string | null } | undefined;
    const lists: Drill[][] = [
      [drill({ step: 'waiting' })],
      [
        drill({
          outcome: 'passed',
          rtoSeconds: 240,
          finishedAt: new Date().toISOString(),
        }),
      ],
    ];
    server.use(
      http.get(`${odooUrl}/overview`, () => {
        overviews++;
        return HttpResponse.json(healthyOverview);
      }),
      http.post(`${odooUrl}/drills`, async ({ request }) => {
        posted = {
          body: await request.json(),
          key: request.headers.get('Idempotency-Key'),
        };
        return HttpResponse.json(
          { id: 'd1', status: 'running' },
          { status: 202 },
        );
      }),
      http.get(`${odooUrl}/drills`, () =>
        HttpResponse.json({
          items: lists.length > 1 ? lists.shift() : lists[0],
        }),
      ),
    );
    const plans = planDrills();
    await renderBackupsTab();
    const row = await veleroRow();
    expect(row.getByText('Never proven by a drill')).toBeInTheDocument();
    await userEvent.click(row.getByRole('button', { name: 'Run drill now' }));
    // The plan comes first; nothing is posted until "Start drill".
    const dialog = await shownPlan();
    expect(plans).toEqual([
      {
        tier: { kind: 'velero', name: veleroTier.name },
        cluster: healthyOverview.clusters[0].cluster,
      },
    ]);
    expect(posted).toBeUndefined();
    await userEvent.click(dialog.getByRole('button', { name: 'Start drill' }));
    await waitFor(() =>
      expect(posted).toEqual({
        body: {
          tier: { kind: 'velero', name: veleroTier.name },
          cluster: healthyOverview.clusters[0].cluster,
          planId: drillPlan().id,
        },
        key: expect.stringMatching(/^[0-9a-f-]{32,36}$/),
      }),
    );
    await waitFor(() =>
      expect(screen.queryByTestId('drill-plan-dialog')).toBeNull(),
    );
    expect(
      await row.findByText('Drill running: waiting for the copy to come up'),
    ).toBeInTheDocument();
    expect(row.getByRole('button', { name: 'Run drill now' })).toBeDisabled();
    expect(
      await row.findByText('Drill passed: restored in 4m', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    // The overview is read again: its verdict now holds the evidence.
    await waitFor(() => expect(overviews).toBeGreaterThan(1));
    expect(row.getByRole('button', { name: 'Run drill now' })).toBeEnabled();
  });

  it("shows the server's reason when a drill is refused", async () => {
    server.use(
      http.get(`${odooUrl}/overview`, () => HttpResponse.json(healthyOverview)),
      http.post(`${odooUrl}/drills`, () =>
        backendError(
          409,
          'ConflictError',
          'A drill of velero/odoo-daily is already running',
        ),
      ),
    );
    planDrills();
    await renderBackupsTab();
    const row = await veleroRow();
    await userEvent.click(row.getByRole('button', { name: 'Run drill now' }));
    const dialog = await shownPlan();
    await userEvent.click(dialog.getByRole('button', { name: 'Start drill' }));
    // The refusal shows beside the plan it refused.
    expect(
      await dialog.findByText(
        'A drill of velero/odoo-daily is already running',
      ),
    ).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Start drill' })).toBeDisabled();
  });

  it('writes nothing when the plan is cancelled', async () => {
    let posts = 0;
    const plans = planDrills();
    server.use(
      http.get(`${odooUrl}/overview`, () => HttpResponse.json(healthyOverview)),
      http.post(`${odooUrl}/drills`, () => {
        posts++;
        return HttpResponse.json(
          { id: 'd1', status: 'running' },
          { status: 202 },
        );
      }),
    );
    await renderBackupsTab();
    const row = await veleroRow();
    await userEvent.click(row.getByRole('button', { name: 'Run drill now' }));
    const dialog = await shownPlan();
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByTestId('drill-plan-dialog')).toBeNull(),
    );
    expect(plans).toHaveLength(1);
    expect(posts).toBe(0);
    expect(row.queryByTestId('drill-running')).toBeNull();
    expect(row.getByRole('button', { name: 'Run drill now' })).toBeEnabled();
  });

  it('offers no drill to whoever lacks backups.drill.run', async () => {
    // Another entity: usePermission caches each answer (SWR) by its request.
    const other = {
      ...odoo,
      metadata: { ...odoo.metadata, namespace: 'other' },
    };
    const otherUrl = `${baseUrl}/v1/entities/other/Component/odoo`;
    server.use(
      http.get(`${otherUrl}/overview`, () =>
        HttpResponse.json(healthyOverview),
      ),
      http.get(`${otherUrl}/restores`, () => HttpResponse.json({ items: [] })),
      http.get(`${otherUrl}/history`, () => HttpResponse.json(historyAnswer())),
    );
    const permissionApi = new MockPermissionApi(request =>
      request.permission.name === 'backups.drill.run'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );
    const authorize = jest.spyOn(permissionApi, 'authorize');
    await renderBackupsTab(other, permissionApi);
    const row = await veleroRow();
    expect(row.getByTestId('tier-drill')).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({ resourceRef: 'component:other/odoo' }),
      ),
    );
    expect(row.queryByRole('button', { name: 'Run drill now' })).toBeNull();
  });
});
