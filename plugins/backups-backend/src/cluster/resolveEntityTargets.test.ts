import type { Entity } from '@backstage/catalog-model';
import { resolveEntityTargets } from './resolveEntityTargets';

const clusters = [
  { name: 'cluster-00', url: 'https://a', authMetadata: {} },
  { name: 'cluster-01', url: 'https://b', authMetadata: {} },
];

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'odoo', annotations },
  };
}

describe('resolveEntityTargets', () => {
  it('maps the namespace and label selector to every cluster', () => {
    const { targets, errors } = resolveEntityTargets(
      entity({
        'backstage.io/kubernetes-namespace': 'business-system',
        'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=odoo',
        'backstage.io/kubernetes-id': 'odoo',
      }),
      clusters,
    );
    expect(errors).toEqual([]);
    expect(targets.map(t => t.target)).toEqual([
      expect.objectContaining({
        cluster: 'cluster-00',
        namespace: 'business-system',
        labelSelector: {
          requirements: [
            { key: 'app.kubernetes.io/name', operator: 'In', values: ['odoo'] },
          ],
        },
      }),
      expect.objectContaining({ cluster: 'cluster-01' }),
    ]);
    expect(targets[1].target.labelSelector).toEqual(
      targets[0].target.labelSelector,
    );
  });

  it('falls back to backstage.io/kubernetes-id and honours the cluster annotation', () => {
    const { targets } = resolveEntityTargets(
      entity({
        'backstage.io/kubernetes-namespace': 'ns',
        'backstage.io/kubernetes-id': 'odoo',
        'backstage.io/kubernetes-cluster': 'cluster-01',
      }),
      clusters,
    );
    expect(targets).toHaveLength(1);
    expect(targets[0].target).toMatchObject({
      cluster: 'cluster-01',
      labelSelector: {
        requirements: [
          {
            key: 'backstage.io/kubernetes-id',
            operator: 'In',
            values: ['odoo'],
          },
        ],
      },
    });
  });

  it.each(['..', 'Business', 'a/b', 'x'.repeat(64), '-a'])(
    'refuses the namespace %j, which could widen a namespaced LIST',
    namespace => {
      const { targets, errors } = resolveEntityTargets(
        entity({ 'backstage.io/kubernetes-namespace': namespace }),
        clusters,
      );
      expect(targets).toEqual([]);
      expect(errors[0].message).toMatch(/is not a valid namespace name/);
    },
  );

  it('refuses a malformed label selector annotation with the reason', () => {
    const { targets, errors } = resolveEntityTargets(
      entity({
        'backstage.io/kubernetes-namespace': 'ns',
        'backstage.io/kubernetes-label-selector': 'app in (odoo',
      }),
      clusters,
    );
    expect(targets).toEqual([]);
    expect(errors[0].message).toMatch(/cannot be used: Invalid label selector/);
  });

  it('reads the pinning annotations', () => {
    const { targets } = resolveEntityTargets(
      entity({
        'backstage.io/kubernetes-namespace': 'ns',
        'backups.backstage.io/velero-schedules': 'odoo-daily, odoo-weekly',
        'backups.backstage.io/cnpg-clusters': 'odoo-pg',
        'backups.backstage.io/volsync-sources': 'odoo-filestore',
        'backups.backstage.io/flux-objects': 'HelmRelease/business-system/odoo',
      }),
      clusters,
    );
    expect(targets[0].target.pinned).toEqual({
      veleroSchedules: ['odoo-daily', 'odoo-weekly'],
      cnpgClusters: ['odoo-pg'],
      volsyncSources: ['odoo-filestore'],
      fluxObjects: [
        { kind: 'HelmRelease', namespace: 'business-system', name: 'odoo' },
      ],
    });
  });

  it('explains a missing namespace annotation or unknown cluster', () => {
    expect(
      resolveEntityTargets(entity({}), clusters).errors[0].message,
    ).toMatch(/no backstage.io\/kubernetes-namespace annotation/);
    const unknown = resolveEntityTargets(
      entity({
        'backstage.io/kubernetes-namespace': 'ns',
        'backstage.io/kubernetes-cluster': 'nope',
      }),
      clusters,
    );
    expect(unknown.targets).toEqual([]);
    expect(unknown.errors[0].message).toMatch(/names cluster "nope"/);
  });

  it.each([
    ['backups.backstage.io/velero-schedules', 'odoo-daily,x) ,a in (b'],
    ['backups.backstage.io/velero-schedules', 'Odoo'],
    ['backups.backstage.io/cnpg-clusters', '../etc'],
    ['backups.backstage.io/volsync-sources', 'a b'],
    ['backups.backstage.io/flux-objects', 'odoo'],
    ['backups.backstage.io/flux-objects', 'a/b/c/d'],
    ['backups.backstage.io/flux-objects', 'Secret/velero/velero-gcs'],
    ['backups.backstage.io/velero-schedules', 'a,'.repeat(3000)],
  ])('refuses %s=%j without a call to the cluster', (key, value) => {
    const { targets, errors } = resolveEntityTargets(
      entity({ 'backstage.io/kubernetes-namespace': 'ns', [key]: value }),
      clusters,
    );
    expect(targets).toEqual([]);
    expect(errors[0]).toMatchObject({
      source: 'catalog',
      reason: 'NotConfigured',
      message: expect.stringContaining(key),
    });
  });
});
