import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type {
  RestoreCreated,
  RestoreListItem,
} from '@internal/plugin-backups-common';
import { setTimeout as sleep } from 'node:timers/promises';
import { BackupsRestoreClient } from './BackupsRestoreClient';

/** Velero's phases after which a Restore never changes. */
export const TERMINAL_PHASES = [
  'Completed',
  'PartiallyFailed',
  'Failed',
  'FailedValidation',
];

type Options = {
  client: BackupsRestoreClient;
  restore: RestoreCreated;
  logger: LoggerService;
  timeoutMinutes: number;
  intervalMs: number;
  signal?: AbortSignal;
};

function progressOf(item: RestoreListItem | undefined): string {
  const phase = item?.phase ?? 'New';
  const { itemsRestored, totalItems } = item?.progress ?? {};
  return totalItems === undefined
    ? phase
    : `${phase}, ${itemsRestored ?? 0}/${totalItems} items restored`;
}

/**
 * Polls the entity's restores until this one reaches a terminal phase, logging
 * each change of progress. The backend being briefly unavailable is waited
 * out; a refusal (403, 404) ends the wait. Gives up after `timeoutMinutes`,
 * while the restore goes on in the cluster without the task.
 */
export async function followRestore(o: Options): Promise<RestoreListItem> {
  const deadline = Date.now() + o.timeoutMinutes * 60_000;
  let shown = '';
  for (;;) {
    let item: RestoreListItem | undefined;
    try {
      const { items } = await o.client.listRestores();
      item = items.find(
        i => i.name === o.restore.name && i.cluster === o.restore.cluster,
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError)) throw error;
      o.logger.warn(`${(error as Error).message}; trying again`);
    }
    const progress = progressOf(item);
    if (progress !== shown) {
      o.logger.info(`Restore ${o.restore.name}: ${progress}`);
      shown = progress;
    }
    if (item && TERMINAL_PHASES.includes(item.phase)) return item;
    if (Date.now() + o.intervalMs > deadline)
      throw new Error(
        `Restore ${o.restore.name} is still ${item?.phase ?? 'New'} after ${
          o.timeoutMinutes
        } minute(s); it goes on in the cluster: follow it on the entity's Backups tab`,
      );
    await sleep(o.intervalMs, undefined, { signal: o.signal });
  }
}

/**
 * The verdict on a finished restore: Failed and FailedValidation fail the
 * step; PartiallyFailed is a warning, as some objects did not come back.
 */
export function judgeRestore(item: RestoreListItem, logger: LoggerService) {
  const counts = `${item.errors ?? 0} error(s), ${
    item.warnings ?? 0
  } warning(s)`;
  if (item.phase === 'Failed' || item.phase === 'FailedValidation')
    throw new Error(
      `Restore ${item.name} ended ${item.phase} with ${counts}: read its log on the entity's Backups tab`,
    );
  if (item.phase === 'PartiallyFailed')
    logger.warn(
      `Restore ${item.name} ended PartiallyFailed with ${counts}: some objects did not come back; read its log on the entity's Backups tab`,
    );
  else logger.info(`Restore ${item.name} ${item.phase} with ${counts}`);
}
