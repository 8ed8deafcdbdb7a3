import type { AuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  drillCreateRequestSchema,
  type DrillCreated,
  type DrillList,
} from '@internal/plugin-backups-common';
import { z } from 'zod';
import { parseInput } from '../parseInput';
import type { Route } from '../router';
import type { DrillService } from './DrillService';

/**
 * `POST .../drills` `{ tier?, cluster? }` with an `Idempotency-Key`:
 * queues a drill and answers `202 { id, status }`, the same drill for a
 * repeated key. Only a signed-in user may, never a service acting for nobody.
 */
export function drillCreateRoute(
  service: DrillService,
  auth: AuthService,
): Route<DrillCreated> {
  return async c => {
    const body = parseInput(drillCreateRequestSchema, c.req.body ?? {}, 'body');
    if (!auth.isPrincipal(c.credentials, 'user'))
      throw new NotAllowedError(
        'Drills are requested by signed-in users, never by a service acting for nobody',
      );
    const { created, drill } = await service.request(
      c.entityRef,
      body,
      c.req.header('idempotency-key'),
      {
        credentials: c.credentials,
        userRef: c.credentials.principal.userEntityRef,
      },
    );
    return {
      status: 202,
      body: drill,
      meta: {
        drillId: drill.id,
        repeat: !created,
        ...(body.tier ? { tier: `${body.tier.kind}/${body.tier.name}` } : {}),
      },
    };
  };
}

const drillListQuerySchema = z.object({}).strict();

/** `GET .../drills`: the entity's drills, newest first. */
export function drillListRoute(service: DrillService): Route<DrillList> {
  return async c => {
    parseInput(drillListQuerySchema, c.req.query, 'query');
    const list = await service.list(c.entityRef, c);
    return { body: list, meta: { drills: list.items.length } };
  };
}
