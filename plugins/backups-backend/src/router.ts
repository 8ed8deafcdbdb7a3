import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  backupsDrillRunPermission,
  backupsReadPermission,
  backupsRestoreCreatePermission,
  objectNameSchema,
  restoreCreateRequestSchema,
  restorePlanRequestSchema,
} from '@internal/plugin-backups-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  drillCreateRoute,
  drillListRoute,
  drillPlanRoute,
} from './drills/drillRoutes';
import type { DrillService } from './drills/DrillService';
import { historyRoute } from './history/historyRoute';
import type { HistoryService } from './history/HistoryService';
import { parseInput as parse } from './parseInput';
import { RestoreService } from './restores/RestoreService';
import { BackupsOverviewService } from './service/BackupsOverviewService';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

const paramsSchema = z.object({
  namespace: z
    .string()
    .regex(NAME, 'namespace must be a valid entity namespace'),
  kind: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,62}$/, 'kind must be a valid entity kind'),
  name: z.string().regex(NAME, 'name must be a valid entity name'),
});
const logParamsSchema = paramsSchema.extend({ object: objectNameSchema });
const clusterQuerySchema = z
  .object({ cluster: z.string().min(1).max(253).optional() })
  .strict();

export type Route<T> = (context: {
  req: Request;
  entityRef: { namespace: string; kind: string; name: string };
  ref: string;
  credentials: BackstageCredentials;
}) => Promise<{ status?: number; body: T; meta?: Record<string, unknown> }>;

/** Thin HTTP layer: validates, authenticates, authorizes, audits and delegates. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  overviewService: BackupsOverviewService;
  restoreService: RestoreService;
  historyService: HistoryService;
  drillService?: DrillService;
}): Promise<express.Router> {
  const {
    httpAuth,
    auth,
    permissions,
    auditor,
    overviewService,
    restoreService,
    historyService,
    drillService,
  } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  /**
   * One entity route: every request, allowed or refused, is an auditor
   * event; the permission is checked on the entity before anything runs.
   */
  function entityRoute<T>(
    eventId: string,
    permission: ResourcePermission<'catalog-entity'>,
    handler: Route<T>,
    params: z.ZodType<z.infer<typeof paramsSchema>> = paramsSchema,
  ) {
    return async (req: Request, res: express.Response) => {
      const auditorEvent = await auditor.createEvent({
        eventId,
        request: req,
        severityLevel: permission.attributes.action === 'read' ? 'low' : 'high',
      });
      try {
        const parsed = parse(params, req.params, 'path');
        // Entity refs are case-insensitive in kind; the catalog stores it capitalised.
        const entityRef = {
          namespace: parsed.namespace,
          kind: parsed.kind.toLocaleLowerCase('en-US'),
          name: parsed.name,
        };
        const ref = `${entityRef.kind}:${entityRef.namespace}/${entityRef.name}`;
        const credentials = await httpAuth.credentials(req, {
          allow: ['user', 'service'],
        });
        const [decision] = await permissions.authorize(
          [{ permission, resourceRef: ref }],
          { credentials },
        );
        if (decision.result !== AuthorizeResult.ALLOW)
          throw new NotAllowedError(
            `Not allowed to ${permission.name} on ${ref}`,
          );
        const result = await handler({ req, entityRef, ref, credentials });
        res.status(result.status ?? 200);
        if (typeof result.body === 'string')
          res.type('text/plain').send(result.body);
        else res.json(result.body);
        await auditorEvent.success({
          meta: { entityRef: ref, ...result.meta },
        });
      } catch (error) {
        await auditorEvent.fail({ error: error as Error });
        throw error;
      }
    };
  }

  const base = '/v1/entities/:namespace/:kind/:name';

  router.get(
    `${base}/overview`,
    entityRoute('backups-overview-read', backupsReadPermission, async c => {
      const overview = await overviewService.getOverview(c.entityRef, c);
      return {
        body: overview,
        meta: { status: overview.status, clusters: overview.clusters.length },
      };
    }),
  );

  router.post(
    `${base}/restore-plans`,
    entityRoute(
      'backups-restore-plan',
      backupsRestoreCreatePermission,
      async c => {
        const request = parse(restorePlanRequestSchema, c.req.body, 'body');
        const caller = RestoreService.userOf(c.credentials, auth);
        const plan = await restoreService.plan(c.entityRef, request, caller);
        return {
          body: plan,
          meta: {
            planId: plan.id,
            backupName: request.backupName,
            target: plan.targetNamespace,
          },
        };
      },
    ),
  );

  router.post(
    `${base}/restores`,
    entityRoute(
      'backups-restore-request',
      backupsRestoreCreatePermission,
      async c => {
        const body = parse(restoreCreateRequestSchema, c.req.body, 'body');
        const caller = RestoreService.userOf(c.credentials, auth);
        const { created, restore } = await restoreService.create(
          c.entityRef,
          body,
          c.req.header('idempotency-key'),
          caller,
        );
        return {
          status: created ? 201 : 200,
          body: restore,
          meta: {
            restore: restore.name,
            cluster: restore.cluster,
            repeat: !created,
          },
        };
      },
    ),
  );

  router.get(
    `${base}/restores`,
    entityRoute('backups-restore-list', backupsReadPermission, async c => {
      parse(clusterQuerySchema, c.req.query, 'query');
      return { body: await restoreService.list(c.entityRef, c) };
    }),
  );

  for (const kind of ['backup', 'restore'] as const) {
    router.get(
      `${base}/${kind}s/:object/logs`,
      entityRoute(
        'backups-logs-read',
        // A DownloadRequest can expose what a backup holds.
        backupsRestoreCreatePermission,
        async c => {
          const { object } = parse(logParamsSchema, c.req.params, 'path');
          const { cluster } = parse(clusterQuerySchema, c.req.query, 'query');
          const caller = RestoreService.userOf(c.credentials, auth);
          return {
            body: await restoreService.logs(
              c.entityRef,
              { kind, name: object, cluster },
              caller,
            ),
            meta: { kind, object },
          };
        },
        logParamsSchema,
      ),
    );
  }

  router.get(
    `${base}/history`,
    entityRoute(
      'backups-history-read',
      backupsReadPermission,
      historyRoute(historyService),
    ),
  );

  if (drillService) {
    router.post(
      `${base}/drill-plans`,
      entityRoute(
        'backups-drill-plan',
        backupsDrillRunPermission,
        drillPlanRoute(drillService, auth),
      ),
    );
    router.post(
      `${base}/drills`,
      entityRoute(
        'backups-drill-request',
        backupsDrillRunPermission,
        drillCreateRoute(drillService, auth),
      ),
    );
    router.get(
      `${base}/drills`,
      entityRoute(
        'backups-drill-list',
        backupsReadPermission,
        drillListRoute(drillService),
      ),
    );
  }

  return router;
}
