import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { OwnerNotifier } from './OwnerNotifier';

const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'odoo', namespace: 'default', title: 'Odoo' },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

function notifierWith(entities: Entity[] = [odoo]) {
  const sent: NotificationSendOptions[] = [];
  const notifications: NotificationService = {
    send: async options => {
      sent.push(options);
    },
  };
  const notifier = OwnerNotifier.create({
    notifications,
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
  return { notifier, sent };
}

describe('OwnerNotifier', () => {
  it('tells the owners of the entity, with a link to its Backups tab', async () => {
    const { notifier, sent } = notifierWith();
    await notifier.statusWorsened(
      'Component:default/odoo',
      'healthy',
      'critical',
      ['velero/odoo-daily: The newest backup odoo-daily-1 Failed'],
    );
    expect(sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'component:default/odoo' },
        payload: {
          title: 'Backups of Odoo are critical',
          description:
            'Was healthy, now critical.\nvelero/odoo-daily: The newest backup odoo-daily-1 Failed',
          severity: 'high',
          scope: 'backups:status:component:default/odoo',
          link: '/catalog/default/component/odoo/backups',
          topic: 'backups',
        },
      },
    ]);
  });

  it('resolves in the scope of the worsening, so that notification is updated', async () => {
    const { notifier, sent } = notifierWith();
    await notifier.statusWorsened(
      'component:default/odoo',
      'healthy',
      'warning',
      [],
    );
    await notifier.statusResolved(
      'component:default/odoo',
      'warning',
      'healthy',
    );
    expect(sent.map(s => s.payload.scope)).toEqual([
      'backups:status:component:default/odoo',
      'backups:status:component:default/odoo',
    ]);
    expect(sent[0].payload.severity).toBe('normal');
    expect(sent[1].payload).toMatchObject({
      title: 'Backups of Odoo are healthy again',
      severity: 'low',
    });
  });

  it('gives every failed drill a scope of its own', async () => {
    const { notifier, sent } = notifierWith();
    const drill = {
      id: 'd-1',
      tier: { kind: 'velero', name: 'odoo-daily' },
      failureReason: 'PVC odoo-filestore stayed Pending',
    };
    await notifier.drillFailed('component:default/odoo', drill);
    await notifier.drillFailed('component:default/odoo', {
      ...drill,
      id: 'd-2',
    });
    expect(sent.map(s => s.payload)).toEqual([
      expect.objectContaining({
        title: 'Restore drill of Odoo (velero/odoo-daily) failed',
        description: 'PVC odoo-filestore stayed Pending',
        scope: 'backups:drill:component:default/odoo:d-1',
        link: '/catalog/default/component/odoo/backups',
      }),
      expect.objectContaining({
        scope: 'backups:drill:component:default/odoo:d-2',
      }),
    ]);
  });

  it('sends nothing for an entity that left the catalog', async () => {
    const { notifier, sent } = notifierWith([]);
    await notifier.statusResolved(
      'component:default/odoo',
      'critical',
      'healthy',
    );
    expect(sent).toEqual([]);
  });
});
