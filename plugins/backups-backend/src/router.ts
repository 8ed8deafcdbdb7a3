import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { backupsReadPermission } from '@internal/plugin-backups-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
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

/** Thin HTTP layer: validates, authenticates, authorizes, audits and delegates. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  overviewService: BackupsOverviewService;
}): Promise<express.Router> {
  const { httpAuth, permissions, auditor, overviewService } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get(
    '/v1/entities/:namespace/:kind/:name/overview',
    async (req, res) => {
      const parsed = paramsSchema.safeParse(req.params);
      if (!parsed.success) {
        throw new InputError(
          parsed.error.issues
            .map(i => `${i.path.join('.')}: ${i.message}`)
            .join('; '),
        );
      }
      // Entity refs are case-insensitive in kind; the catalog stores it capitalised.
      const entityRef = {
        ...parsed.data,
        kind: parsed.data.kind.toLocaleLowerCase('en-US'),
      };
      const ref = `${entityRef.kind}:${entityRef.namespace}/${entityRef.name}`;
      const auditorEvent = await auditor.createEvent({
        eventId: 'backups-overview-read',
        request: req,
        meta: { entityRef: ref },
      });
      try {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user', 'service'],
        });
        const [decision] = await permissions.authorize(
          [{ permission: backupsReadPermission, resourceRef: ref }],
          { credentials },
        );
        if (decision.result !== AuthorizeResult.ALLOW) {
          throw new NotAllowedError(
            `Not allowed to read the backups of ${ref}`,
          );
        }
        const overview = await overviewService.getOverview(entityRef, {
          credentials,
        });
        res.json(overview);
        await auditorEvent.success({
          meta: { status: overview.status, clusters: overview.clusters.length },
        });
      } catch (error) {
        await auditorEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  return router;
}
