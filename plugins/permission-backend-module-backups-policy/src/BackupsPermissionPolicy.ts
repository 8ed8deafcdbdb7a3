import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { backupsPermissions } from '@internal/plugin-backups-common';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** Permissions that change what exists, kept for administrators. */
const ADMIN_ONLY = new Set([
  // The proxy forwards any request with the backend's own cluster credentials.
  'kubernetes.proxy',
  'catalog.entity.create',
  'catalog.entity.delete',
  'catalog.location.create',
  'catalog.location.delete',
  'scaffolder.template.management',
]);

/** Backups permissions that write to a cluster: restores and restore drills. */
const RESTORE_CLASS = new Set(
  backupsPermissions
    .filter(p => p.attributes.action !== 'read')
    .map(p => p.name),
);

/**
 * The product's policy for signed-in users (service principals are decided
 * by their access restrictions, before any policy runs):
 * - members of `backups.permissions.adminGroups` may do everything;
 * - restore-class backups permissions go to the entity's owners
 *   (`IS_ENTITY_OWNER`), and only to them;
 * - the Kubernetes proxy, catalog writes and template management are for
 *   administrators;
 * - every other permission, reading included, is allowed, so reading an
 *   entity's backups follows reading the entity in the catalog.
 */
export class BackupsPermissionPolicy implements PermissionPolicy {
  readonly #adminGroups: Set<string>;

  static create(options: { config: Config }): BackupsPermissionPolicy {
    const groups =
      options.config.getOptionalStringArray(
        'backups.permissions.adminGroups',
      ) ?? [];
    return new BackupsPermissionPolicy(
      groups.map(ref =>
        stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'group' })),
      ),
    );
  }

  private constructor(adminGroups: string[]) {
    this.#adminGroups = new Set(adminGroups);
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (claims.some(ref => this.#adminGroups.has(ref))) return ALLOW;
    const { permission } = request;
    if (ADMIN_ONLY.has(permission.name)) return DENY;
    if (RESTORE_CLASS.has(permission.name)) {
      if (!user || !isResourcePermission(permission, 'catalog-entity'))
        return DENY;
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    return ALLOW;
  }
}
