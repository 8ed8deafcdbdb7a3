import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { RestorePlan } from '@internal/plugin-backups-common';
import { BackupsRestoreClient } from './BackupsRestoreClient';
import { examples } from './createVeleroRestoreAction.examples';
import { describeRestorePlan } from './describeRestorePlan';
import { followRestore, judgeRestore } from './followRestore';
import { parseRestoreActionInput, planRequestOf } from './restoreActionInput';
import {
  restoreInputSchema,
  restoreOutputSchema,
} from './restoreActionSchemas';
import { restoreIdempotencyKey } from './restoreIdempotencyKey';

/** What `backups:velero:restore` needs from the backend. */
export type VeleroRestoreActionDeps = {
  auth: AuthService;
  discovery: DiscoveryService;
  /** How often a wait asks for the restore's phase; default 5000 ms. */
  pollIntervalMs?: number;
};

function logPlan(logger: LoggerService, plan: RestorePlan) {
  const { lines, warnings } = describeRestorePlan(plan);
  for (const line of lines) logger.info(line);
  for (const warning of warnings) logger.warn(`Warning: ${warning}`);
}

/**
 * `backups:velero:restore`: restores one of an entity's Velero backups
 * through the backups backend, on behalf of the task's initiator. It plans
 * and logs the plan (all a dry run does), requests the restore once per task
 * step, and with `wait` follows it to its end.
 */
export function createVeleroRestoreAction(deps: VeleroRestoreActionDeps) {
  return createTemplateAction({
    id: 'backups:velero:restore',
    description:
      "Restores one of an entity's Velero backups on behalf of the task's initiator: plans, logs the plan, requests the restore once per task step, and can wait for it to end",
    examples,
    supportsDryRun: true,
    schema: { input: restoreInputSchema, output: restoreOutputSchema },
    async handler(ctx) {
      const input = parseRestoreActionInput(ctx.input);
      const client = BackupsRestoreClient.create({
        auth: deps.auth,
        discovery: deps.discovery,
        onBehalfOf: await ctx.getInitiatorCredentials(),
        entity: input.entityRef,
        signal: ctx.signal,
      });
      const plan = await client.plan(planRequestOf(input));
      logPlan(ctx.logger, plan);
      ctx.output('cluster', plan.cluster);
      ctx.output('targetNamespace', plan.targetNamespace);
      if (ctx.isDryRun) {
        ctx.logger.info('Dry run: the restore was planned, not requested');
        const metadata = plan.restore.metadata as Record<string, string>;
        ctx.output('namespace', metadata?.namespace ?? '');
        ctx.output('name', metadata?.name ?? '');
        ctx.output('phase', 'Planned');
        ctx.output('plan', plan);
        return;
      }

      const key = restoreIdempotencyKey(ctx);
      // Only the remote write is checkpointed: a resumed task gets this
      // restore back from the task state, and the key covers a lost answer.
      const created = await ctx.checkpoint({
        key: `restore:${key}`,
        fn: () => client.createRestore(plan, key),
      });
      ctx.logger.info(
        `Requested restore ${created.name} in ${created.namespace} on cluster ${created.cluster} (${created.phase}; Idempotency-Key ${key})`,
      );
      let phase = created.phase;
      if (input.wait) {
        const ended = await followRestore({
          client,
          restore: created,
          logger: ctx.logger,
          timeoutMinutes: input.waitTimeoutMinutes ?? 30,
          intervalMs: deps.pollIntervalMs ?? 5000,
          signal: ctx.signal,
        });
        judgeRestore(ended, ctx.logger);
        phase = ended.phase;
      }
      ctx.output('namespace', created.namespace);
      ctx.output('name', created.name);
      ctx.output('phase', phase);
    },
  });
}
