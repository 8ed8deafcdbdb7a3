import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  backupsReadPermission,
  backupsRestoreCreatePermission,
  restorePlanRequestSchema,
} from '@internal/plugin-backups-common';
import { RestoreService } from '../restores/RestoreService';
import { BackupsOverviewService } from '../service/BackupsOverviewService';

type Deps = {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  auth: AuthService;
  overviewService: BackupsOverviewService;
  restoreService: RestoreService;
};

function entityOf(ref: string) {
  try {
    return parseEntityRef(ref);
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
}

/**
 * The plugin's actions for the actions registry (and so for MCP clients):
 * the same services and permission checks as the REST routes.
 */
export function registerBackupsActions(deps: Deps) {
  const {
    actionsRegistry,
    permissions,
    auth,
    overviewService,
    restoreService,
  } = deps;

  async function authorize(
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError(
        `Not allowed to ${permission.name} on ${entityRef}`,
      );
  }

  actionsRegistry.register({
    name: 'get-backup-status',
    title: 'Get backup status',
    description:
      "Whether a catalog entity's app can be restored, and to which point in time: every recovery tier (Velero, CloudNativePG, VolSync) with its status, last recovery point and RPO, the evidence of restore drills (the last proven restore: when, the recovery point it proved, its measured RTO against the target; and the last drill's outcome), and the findings behind a status that is not healthy.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The entity, e.g. component:default/odoo'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          status: z.string(),
          tiers: z.array(
            z.object({
              cluster: z.string(),
              kind: z.string(),
              name: z.string(),
              status: z.string(),
              lastRecoveryPoint: z.string().nullable(),
              rpoActualSeconds: z.number().nullable(),
              rpoTargetSeconds: z.number().nullable(),
              lastProvenRestore: z
                .object({
                  drillId: z.string(),
                  at: z.string(),
                  recoveryPoint: z.string(),
                  source: z.string().optional(),
                  rtoSeconds: z.number(),
                  rtoTargetSeconds: z.number().optional(),
                })
                .optional()
                .describe('The newest restore drill that passed'),
              lastDrill: z
                .object({
                  id: z.string(),
                  startedAt: z.string(),
                  finishedAt: z.string().optional(),
                  outcome: z.string(),
                  failureReason: z.string().optional(),
                })
                .optional()
                .describe('The newest restore drill, whatever its outcome'),
              findings: z.array(
                z.object({
                  code: z.string(),
                  status: z.string(),
                  message: z.string(),
                }),
              ),
            }),
          ),
          errors: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = entityOf(input.entityRef);
      const entityRef = stringifyEntityRef(ref);
      await authorize(backupsReadPermission, entityRef, credentials);
      const overview = await overviewService.getOverview(ref, { credentials });
      return {
        output: {
          entityRef,
          status: overview.status,
          tiers: overview.clusters.flatMap(c =>
            c.tiers.map(t => ({
              cluster: c.cluster,
              kind: t.kind,
              name: t.name,
              status: t.status,
              lastRecoveryPoint: t.lastRecoveryPoint,
              rpoActualSeconds: t.rpoActualSeconds,
              rpoTargetSeconds: t.rpoTargetSeconds,
              ...(t.lastProvenRestore
                ? { lastProvenRestore: t.lastProvenRestore }
                : {}),
              ...(t.lastDrill ? { lastDrill: t.lastDrill } : {}),
              findings: (t.findings ?? []).map(({ code, status, message }) => ({
                code,
                status,
                message,
              })),
            })),
          ),
          errors: [
            ...overview.errors,
            ...overview.clusters.flatMap(c => c.errors),
          ].map(e => e.message),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'plan-restore',
    title: 'Plan a Velero restore',
    description:
      "Plans a restore of one of an entity's Velero backups, without restoring anything: the exact Restore object, what the backup holds, what already exists in the target namespace and will be skipped or updated, the volumes, and the Flux objects that manage the target. Returns a plan id and hash for request-restore.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The entity, e.g. component:default/odoo'),
          backupName: z.string().describe('The Velero Backup to restore'),
          targetNamespace: z.string().optional().describe('Default: in place'),
          existingResourcePolicy: z.enum(['none', 'update']).optional(),
          restorePVs: z.boolean().optional(),
          acknowledgePartiallyFailed: z.boolean().optional(),
          suspendGitOps: z.boolean().optional(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          hash: z.string(),
          expiresAt: z.string(),
          targetNamespace: z.string(),
          inPlace: z.boolean(),
          restore: z.record(z.string(), z.unknown()),
          contents: z.array(
            z.object({ resource: z.string(), count: z.number() }),
          ),
          existing: z.array(
            z.object({
              kind: z.string(),
              name: z.string(),
              action: z.string(),
            }),
          ),
          volumes: z.array(z.string()),
          gitops: z.string(),
          warnings: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef: refText, ...rest } = input;
      const ref = entityOf(refText);
      await authorize(
        backupsRestoreCreatePermission,
        stringifyEntityRef(ref),
        credentials,
      );
      const request = restorePlanRequestSchema.parse(rest);
      const plan = await restoreService.plan(
        ref,
        request,
        RestoreService.userOf(credentials, auth),
      );
      return {
        output: {
          id: plan.id,
          hash: plan.hash,
          expiresAt: plan.expiresAt,
          targetNamespace: plan.targetNamespace,
          inPlace: plan.inPlace,
          restore: plan.restore,
          contents: plan.contents.map(c => ({
            resource: c.resource,
            count: c.count,
          })),
          existing: plan.existing.map(({ kind, name, action }) => ({
            kind,
            name,
            action,
          })),
          volumes: plan.volumes,
          gitops: plan.gitops.explanation,
          warnings: plan.warnings,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'request-restore',
    title: 'Request a Velero restore',
    description:
      'Creates the Velero Restore of a plan made by plan-restore, if the cluster still matches it. Destructive: it writes objects into the target namespace. Repeating it with the same idempotencyKey returns the same restore.',
    attributes: { readOnly: false, idempotent: true, destructive: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string(),
          planId: z.string(),
          planHash: z.string(),
          idempotencyKey: z
            .string()
            .describe('8 to 128 letters, digits, ".", "_", ":" or "-"'),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          name: z.string(),
          phase: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = entityOf(input.entityRef);
      await authorize(
        backupsRestoreCreatePermission,
        stringifyEntityRef(ref),
        credentials,
      );
      const { restore } = await restoreService.create(
        ref,
        { planId: input.planId, planHash: input.planHash },
        input.idempotencyKey,
        RestoreService.userOf(credentials, auth),
      );
      return { output: restore };
    },
  });
}
