import type { AuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  drillCreateRequestSchema,
  drillPlanRequestSchema,
  type DrillCreated,
  type DrillList,
  type DrillPlan,
} from '@internal/plugin-backups-common';
import { z } from 'zod';
import { parseInput } from '../parseInput';
import type { Route } from '../router';
import type { DrillService } from './DrillService';

const USERS_ONLY =
  'Drills are requested by signed-in users, never by a service acting for nobody';

/**
 * `POST .../drill-plans` `{ tier?, cluster? }`: what a drill would do now,
 * shown before it is requested; writes nothing to the cluster but a
 * DownloadRequest (Velero's own way to read a backup's resource list).
 */
export function drillPlanRoute(
  service: DrillService,
  auth: AuthService,
): Route<DrillPlan> {
  return async c => {
    const body = parseInput(drillPlanRequestSchema, c.req.body ?? {}, 'body');
    if (!auth.isPrincipal(c.credentials, 'user'))
      throw new NotAllowedError(USERS_ONLY);
    const plan = await service.plan(c.entityRef, body, {
      credentials: c.credentials,
      userRef: c.credentials.principal.userEntityRef,
    });
    return {
      body: plan,
      meta: {
        planId: plan.id,
        tier: `${plan.tier.kind}/${plan.tier.name}`,
        source: plan.source,
        target: plan.target,
      },
    };
  };
}

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
      throw new NotAllowedError(USERS_ONLY);
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
        ...(body.planId ? { planId: body.planId } : {}),
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
