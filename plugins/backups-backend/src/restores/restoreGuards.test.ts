import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { KubeItem } from '../cluster/ClusterState';
import { readRestoreConfig } from './restoreConfig';
import {
  checkBackup,
  checkTarget,
  entityId,
  namespaceClaims,
} from './restoreGuards';
import { restoreName } from './restoreLabels';

const config = readRestoreConfig(new ConfigReader({}));
const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'odoo', namespace: 'default' },
  spec: { owner: 'erp-team' },
};
const ns = (
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): KubeItem => ({
  metadata: { name: 'business-system', labels, annotations },
});
const backup = (
  phase: string,
  spec: object = { includedNamespaces: ['business-system'] },
  expiration = '2026-12-07T03:00:00Z',
): KubeItem => ({
  metadata: { name: 'odoo-daily-1' },
  spec,
  status: { phase, expiration },
});
const now = new Date('2026-11-30T10:00:00Z');

describe('restore guards', () => {
  it("takes the entity's id from backstage.io/kubernetes-id, else its name", () => {
    expect(entityId(odoo)).toBe('odoo');
    expect(
      entityId({
        ...odoo,
        metadata: {
          ...odoo.metadata,
          annotations: { 'backstage.io/kubernetes-id': 'erp' },
        },
      }),
    ).toBe('erp');
  });

  it('accepts a namespace that claims the entity by label or by owner annotation, and nothing else', () => {
    expect(
      namespaceClaims(
        ns({ 'backstage.io/kubernetes-id': 'odoo' }),
        odoo,
        config,
      ),
    ).toBe(true);
    expect(
      namespaceClaims(
        ns({}, { 'backups.backstage.io/owner': 'group:default/erp-team' }),
        odoo,
        config,
      ),
    ).toBe(true);
    expect(
      namespaceClaims(
        ns({ 'backstage.io/kubernetes-id': 'crm' }),
        odoo,
        config,
      ),
    ).toBe(false);
    expect(
      namespaceClaims(
        ns({}, { 'backups.backstage.io/owner': 'group:default/crm-team' }),
        odoo,
        config,
      ),
    ).toBe(false);
    expect(namespaceClaims(ns(), odoo, config)).toBe(false);
  });

  it('allows in place and <namespace>-restore by default, never system namespaces', () => {
    expect(() =>
      checkTarget('business-system', 'business-system', 'velero', config),
    ).not.toThrow();
    expect(() =>
      checkTarget(
        'business-system',
        'business-system-restore',
        'velero',
        config,
      ),
    ).not.toThrow();
    for (const target of ['kube-system', 'velero', 'flux-system', 'default'])
      expect(() =>
        checkTarget('business-system', target, 'velero', config),
      ).toThrow(/system namespace/);
    expect(() =>
      checkTarget('business-system', 'crm', 'velero', config),
    ).toThrow(
      /targetNamespace: crm is not allowed; use one of business-system, business-system-restore/,
    );
  });

  it('takes the allowed mappings from config', () => {
    const custom = readRestoreConfig(
      new ConfigReader({
        backups: {
          restores: { targetNamespaces: ['{namespace}-drill', 'scratch'] },
        },
      }),
    );
    expect(() =>
      checkTarget('business-system', 'scratch', 'velero', custom),
    ).not.toThrow();
    expect(() =>
      checkTarget(
        'business-system',
        'business-system-restore',
        'velero',
        custom,
      ),
    ).toThrow(/not allowed/);
  });

  it("refuses a backup that does not hold the entity's namespace, with the same globs as the verdicts", () => {
    expect(() =>
      checkBackup(
        backup('Completed', { includedNamespaces: ['crm'] }),
        'b',
        'business-system',
        { now },
      ),
    ).toThrow(/does not hold namespace business-system/);
    expect(
      checkBackup(
        backup('Completed', { includedNamespaces: ['business-*'] }),
        'b',
        'business-system',
        { now },
      ),
    ).toBeDefined();
    expect(
      checkBackup(backup('Completed', {}), 'b', 'business-system', { now }),
    ).toBeDefined();
    expect(() =>
      checkBackup(
        backup('Completed', {
          includedNamespaces: ['*'],
          excludedNamespaces: ['business-system'],
        }),
        'b',
        'business-system',
        { now },
      ),
    ).toThrow(/does not hold/);
  });

  it('restores only Completed backups, or PartiallyFailed ones acknowledged, unexpired', () => {
    expect(() =>
      checkBackup(undefined, 'gone', 'business-system', { now }),
    ).toThrow(/no backup gone/);
    expect(() =>
      checkBackup(backup('Failed'), 'b', 'business-system', { now }),
    ).toThrow(/is Failed/);
    expect(() =>
      checkBackup(backup('InProgress'), 'b', 'business-system', { now }),
    ).toThrow(/is InProgress/);
    expect(() =>
      checkBackup(backup('PartiallyFailed'), 'b', 'business-system', { now }),
    ).toThrow(/acknowledgePartiallyFailed/);
    expect(
      checkBackup(backup('PartiallyFailed'), 'b', 'business-system', {
        now,
        acknowledgePartiallyFailed: true,
      }),
    ).toBeDefined();
    expect(() =>
      checkBackup(
        backup('Completed', undefined, '2026-11-29T03:00:00Z'),
        'b',
        'business-system',
        { now },
      ),
    ).toThrow(/expired/);
  });

  it('derives the Restore name from the entity and the Idempotency-Key', () => {
    const a = restoreName(
      'odoo-daily-20261130030000',
      'component:default/odoo',
      'key-00000001',
    );
    expect(a).toBe(
      restoreName(
        'odoo-daily-20261130030000',
        'component:default/odoo',
        'key-00000001',
      ),
    );
    expect(a).not.toBe(
      restoreName(
        'odoo-daily-20261130030000',
        'component:default/odoo',
        'key-00000002',
      ),
    );
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});
