import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  backupsDrillRunPermission,
  backupsReadPermission,
  backupsRestoreCreatePermission,
} from '@internal/plugin-backups-common';
import { BackupsPermissionPolicy } from './BackupsPermissionPolicy';

const policy = BackupsPermissionPolicy.create({
  config: new ConfigReader({
    backups: { permissions: { adminGroups: ['platform-admins'] } },
  }),
});

function user(...ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    identity: {
      type: 'user',
      userEntityRef: ownershipEntityRefs[0],
      ownershipEntityRefs,
    },
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
    token: 'token',
    credentials: {} as PolicyQueryUser['credentials'],
  } as PolicyQueryUser;
}

const alice = user('user:default/alice', 'group:default/erp-team');
const admin = user('user:default/root', 'group:default/platform-admins');
const permission = (name: string, action: 'read' | 'create' = 'read') =>
  createPermission({ name, attributes: { action } });

describe('BackupsPermissionPolicy', () => {
  it('lets a signed-in user read backups; the catalog read is checked by fetching the entity', async () => {
    expect(
      await policy.handle({ permission: backupsReadPermission }, alice),
    ).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(
      await policy.handle(
        { permission: permission('catalog.entity.read') },
        alice,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it("gives restores only to the entity's owners, as a catalog condition", async () => {
    const decision = await policy.handle(
      { permission: backupsRestoreCreatePermission },
      alice,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['user:default/alice', 'group:default/erp-team'] },
      },
    });
  });

  it("gives restore drills to the entity's owners, like restores", async () => {
    expect(
      await policy.handle({ permission: backupsDrillRunPermission }, alice),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['user:default/alice', 'group:default/erp-team'] },
      },
    });
    expect(
      await policy.handle({ permission: backupsDrillRunPermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policy.handle({ permission: backupsDrillRunPermission }, admin),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies restores to a caller without a user identity', async () => {
    expect(
      await policy.handle({ permission: backupsRestoreCreatePermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('keeps the Kubernetes proxy, catalog writes and template management for administrators', async () => {
    for (const name of [
      'kubernetes.proxy',
      'catalog.entity.delete',
      'catalog.location.create',
      'scaffolder.template.management',
    ]) {
      expect(
        await policy.handle({ permission: permission(name, 'create') }, alice),
      ).toEqual({
        result: AuthorizeResult.DENY,
      });
      expect(
        await policy.handle({ permission: permission(name, 'create') }, admin),
      ).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets administrators restore any entity, unconditionally', async () => {
    expect(
      await policy.handle(
        { permission: backupsRestoreCreatePermission },
        admin,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('accepts admin groups written without the kind', () => {
    // "platform-admins" in config is group:default/platform-admins.
    return expect(
      policy.handle({ permission: permission('kubernetes.proxy') }, admin),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
