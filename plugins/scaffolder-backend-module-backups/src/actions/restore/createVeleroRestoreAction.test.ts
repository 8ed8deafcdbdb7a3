import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { setupServer } from 'msw/node';
import { backendError, fakeBackups } from './__testUtils__/fakeBackups';
import { createVeleroRestoreAction } from './createVeleroRestoreAction';
import { restoreActionInputSchema } from './restoreActionInput';

const server = setupServer();
registerMswTestHooks(server);

const action = createVeleroRestoreAction({
  auth: mockServices.auth(),
  discovery: mockServices.discovery(),
  pollIntervalMs: 5,
});

const valid = {
  entityRef: 'component:default/odoo',
  backupName: 'odoo-daily-20261123030000',
};

function context(
  input: Record<string, unknown>,
  more: { isDryRun?: boolean; task?: { id: string } } = {},
) {
  const logger = mockServices.logger.mock();
  const ctx = {
    ...createMockActionContext({ input: input as any, task: more.task }),
    logger,
    isDryRun: more.isDryRun,
  };
  const outputs = () =>
    Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  const logged = (level: 'info' | 'warn') =>
    (logger[level] as jest.Mock).mock.calls.map(([m]) => m as string);
  return { ctx, outputs, logged };
}

describe('backups:velero:restore', () => {
  it('shows the scaffolder the inputs the handler validates', () => {
    const shown = (action.schema?.input as { properties: object }).properties;
    expect(Object.keys(shown).sort()).toEqual(
      Object.keys(restoreActionInputSchema.shape).sort(),
    );
  });

  it('plans on behalf of the initiator, logs the plan, requests the restore once', async () => {
    const backend = fakeBackups(server);
    const { ctx, outputs, logged } = context({
      ...valid,
      targetNamespace: 'business-system-restore',
      restorePVs: false,
    });

    await action.handler(ctx);

    expect(backend.plans).toEqual([
      {
        body: {
          backupName: valid.backupName,
          targetNamespace: 'business-system-restore',
          restorePVs: false,
        },
        authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.user(),
          targetPluginId: 'backups',
        }),
      },
    ]);
    expect(backend.creates).toEqual([
      {
        key: expect.stringMatching(/^scaffolder:mock-task-id:/),
        planId: 'plan-1',
      },
    ]);
    expect(outputs()).toEqual({
      cluster: 'demo',
      namespace: 'velero',
      name: 'odoo-daily-r-1',
      phase: 'New',
      targetNamespace: 'business-system-restore',
    });
    expect(logged('info')).toEqual(
      expect.arrayContaining([
        'Restore backup odoo-daily-20261123030000 (Completed, taken 2026-11-23T03:00:00Z) of namespace business-system into business-system-restore (a new namespace) on cluster demo',
        'What the backup holds: Deployment 1, PersistentVolumeClaim 1',
        'Already in business-system-restore: no object of the backup',
        'Volumes: no volume data is restored',
        'GitOps: No Flux object manages business-system-restore.',
      ]),
    );
    expect(backend.lists).toBe(0);
  });

  it('logs what exists in place, and the warnings apart', async () => {
    fakeBackups(server);
    const { ctx, logged } = context(valid);
    await action.handler(ctx);
    expect(logged('info')).toContain(
      'Already in business-system: skipped (kept as it is): Deployment odoo',
    );
    expect(logged('warn')).toEqual([
      'Warning: 1 object(s) already exist in business-system and will be skipped (existingResourcePolicy: none).',
    ]);
  });

  it('only plans in a dry run: the plan is logged and returned, nothing is created', async () => {
    const backend = fakeBackups(server);
    const { ctx, outputs, logged } = context(
      { ...valid, wait: true },
      { isDryRun: true },
    );

    await action.handler(ctx);

    expect(backend.plans).toHaveLength(1);
    expect(backend.creates).toEqual([]);
    expect(backend.lists).toBe(0);
    expect(outputs()).toMatchObject({
      cluster: 'demo',
      namespace: 'velero',
      phase: 'Planned',
      targetNamespace: 'business-system',
      plan: { id: 'plan-1', backup: { name: valid.backupName } },
    });
    expect(logged('info')).toContain(
      'Dry run: the restore was planned, not requested',
    );
  });

  it('sends the same Idempotency-Key when the same task runs again, and gets the same restore', async () => {
    const backend = fakeBackups(server);
    const first = context(valid, { task: { id: 'task-1' } });
    const again = context(valid, { task: { id: 'task-1' } });
    const other = context(valid, { task: { id: 'task-2' } });

    await action.handler(first.ctx);
    await action.handler(again.ctx);
    await action.handler(other.ctx);

    const [a, b, c] = backend.creates.map(x => x.key);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(a).toMatch(/^scaffolder:task-1:[0-9a-f]{12}$/);
    expect(first.outputs().name).toBe('odoo-daily-r-1');
    expect(again.outputs().name).toBe('odoo-daily-r-1');
    expect(other.outputs().name).toBe('odoo-daily-r-2');
  });

  it('requests through a checkpoint, so a resumed task reuses the restore it recorded', async () => {
    const backend = fakeBackups(server);
    const recorded = {
      cluster: 'demo',
      namespace: 'velero',
      name: 'odoo-daily-r-9',
      phase: 'InProgress',
    };
    const { ctx, outputs } = context(valid);
    const keys: string[] = [];
    ctx.checkpoint = (async ({ key }: { key: string }) => {
      keys.push(key);
      return recorded;
    }) as typeof ctx.checkpoint;

    await action.handler(ctx);

    expect(backend.creates).toEqual([]);
    expect(keys).toEqual([expect.stringMatching(/^restore:scaffolder:/)]);
    expect(outputs().name).toBe('odoo-daily-r-9');
  });

  it('waits until Completed, logging the progress', async () => {
    const backend = fakeBackups(server);
    backend.phases([
      { phase: 'New' },
      { phase: 'InProgress', progress: { itemsRestored: 3, totalItems: 12 } },
      { phase: 'InProgress', progress: { itemsRestored: 3, totalItems: 12 } },
      { phase: 'InProgress', progress: { itemsRestored: 9, totalItems: 12 } },
      {
        phase: 'Completed',
        progress: { itemsRestored: 12, totalItems: 12 },
        warnings: 1,
      },
    ]);
    const { ctx, outputs, logged } = context({ ...valid, wait: true });

    await action.handler(ctx);

    expect(outputs().phase).toBe('Completed');
    expect(logged('info').filter(m => m.startsWith('Restore odoo'))).toEqual([
      'Restore odoo-daily-r-1: New',
      'Restore odoo-daily-r-1: InProgress, 3/12 items restored',
      'Restore odoo-daily-r-1: InProgress, 9/12 items restored',
      'Restore odoo-daily-r-1: Completed, 12/12 items restored',
      'Restore odoo-daily-r-1 Completed with 0 error(s), 1 warning(s)',
    ]);
  });

  it('outlasts the backend being unavailable for a moment while waiting', async () => {
    const backend = fakeBackups(server);
    backend.phases([{ phase: 'Completed' }]);
    let refused = 0;
    backend.refuseList(() =>
      refused++ < 2
        ? backendError(503, 'ServiceUnavailableError', 'cluster timed out')
        : undefined,
    );
    const { ctx, outputs, logged } = context({ ...valid, wait: true });
    await action.handler(ctx);
    expect(outputs().phase).toBe('Completed');
    expect(logged('warn')).toContain(
      "Reading the entity's restores was refused (503): cluster timed out; trying again",
    );
  });

  it('ends with a warning for PartiallyFailed', async () => {
    const backend = fakeBackups(server);
    backend.phases([{ phase: 'PartiallyFailed', errors: 2, warnings: 0 }]);
    const { ctx, outputs, logged } = context({ ...valid, wait: true });
    await action.handler(ctx);
    expect(outputs().phase).toBe('PartiallyFailed');
    expect(logged('warn')).toContain(
      "Restore odoo-daily-r-1 ended PartiallyFailed with 2 error(s), 0 warning(s): some objects did not come back; read its log on the entity's Backups tab",
    );
  });

  it.each(['Failed', 'FailedValidation'])(
    'fails the step when the restore ends %s',
    async phase => {
      const backend = fakeBackups(server);
      backend.phases([{ phase: 'InProgress' }, { phase, errors: 3 }]);
      const { ctx, outputs } = context({ ...valid, wait: true });
      await expect(action.handler(ctx)).rejects.toThrow(
        `Restore odoo-daily-r-1 ended ${phase} with 3 error(s), 0 warning(s): read its log on the entity's Backups tab`,
      );
      expect(outputs().phase).toBeUndefined();
    },
  );

  it('gives up waiting after waitTimeoutMinutes, saying the restore goes on', async () => {
    const backend = fakeBackups(server);
    backend.phases([{ phase: 'InProgress' }]);
    const { ctx } = context({
      ...valid,
      wait: true,
      waitTimeoutMinutes: 0.001,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "Restore odoo-daily-r-1 is still InProgress after 0.001 minute(s); it goes on in the cluster: follow it on the entity's Backups tab",
    );
  });

  it("surfaces a 403 with the backend's message, before anything is requested", async () => {
    const backend = fakeBackups(server);
    backend.refusePlan(() =>
      backendError(
        403,
        'NotAllowedError',
        'Not allowed to backups.restore.create on component:default/odoo',
      ),
    );
    const { ctx } = context(valid);
    const error = await action.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toBe(
      'Planning the restore was refused (403): Not allowed to backups.restore.create on component:default/odoo',
    );
    expect(backend.creates).toEqual([]);
  });

  it("surfaces a 409 with the backend's message", async () => {
    const backend = fakeBackups(server);
    backend.refuseCreate(() =>
      backendError(
        409,
        'ConflictError',
        'A restore of component:default/odoo into business-system is already in flight (request r-1); wait for it to end',
      ),
    );
    const { ctx } = context({ ...valid, wait: true });
    const error = await action.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      'Requesting the restore was refused (409): A restore of component:default/odoo into business-system is already in flight (request r-1); wait for it to end',
    );
    expect(backend.lists).toBe(0);
  });

  it('surfaces a 400 as an InputError that names the field', async () => {
    const backend = fakeBackups(server);
    backend.refusePlan(() =>
      backendError(
        400,
        'InputError',
        'targetNamespace: elsewhere is not allowed; use one of business-system, business-system-restore',
      ),
    );
    const { ctx } = context({ ...valid, targetNamespace: 'elsewhere' });
    const error = await action.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/\(400\): targetNamespace: elsewhere/);
  });
});
