import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import type { TierKind, TierStatus } from '@internal/plugin-backups-common';

type Payload = NotificationSendOptions['payload'];

/** A drill that failed, as the notifier needs it. */
export type FailedDrill = {
  id: string;
  tier: { kind: TierKind | string; name: string };
  failureReason?: string;
};

/** Every notification of the plugin carries this topic, so users can mute it. */
export const BACKUPS_NOTIFICATION_TOPIC = 'backups';

/**
 * Tells an entity's owners about its backups through Backstage's
 * notifications. The recipient is the entity itself: the notifications
 * backend resolves it to its owners (a group to its members).
 *
 * Each kind of change has a `scope`; the notifications backend updates (and
 * marks unread) the notification of the same scope and origin instead of
 * adding another, so a repeated send never duplicates one. Deciding *when* to
 * send, once per change, is the caller's: the history task keeps the last
 * status in the database.
 */
export class OwnerNotifier {
  readonly #notifications: NotificationService;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;

  static create(options: {
    notifications: NotificationService;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
  }): OwnerNotifier {
    return new OwnerNotifier(options);
  }

  private constructor(options: {
    notifications: NotificationService;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
  }) {
    this.#notifications = options.notifications;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
  }

  /** The entity's status got worse, e.g. healthy → critical. */
  async statusWorsened(
    entityRef: string,
    from: TierStatus,
    to: TierStatus,
    reasons: string[],
  ): Promise<void> {
    await this.#send(entityRef, title => ({
      title: `Backups of ${title} are ${to}`,
      description: [
        `Was ${from}, now ${to}.`,
        ...reasons.slice(0, 5),
        ...(reasons.length > 5 ? [`…and ${reasons.length - 5} more.`] : []),
      ].join('\n'),
      severity: to === 'critical' ? 'high' : 'normal',
      scope: `backups:status:${canonical(entityRef)}`,
    }));
  }

  /** The entity's status is healthy again after `from`. */
  async statusResolved(
    entityRef: string,
    from: TierStatus,
    to: TierStatus,
  ): Promise<void> {
    await this.#send(entityRef, title => ({
      title: `Backups of ${title} are ${to} again`,
      description: `Resolved: was ${from}, now ${to}.`,
      severity: 'low',
      // The same scope as the worsening: that notification becomes "resolved".
      scope: `backups:status:${canonical(entityRef)}`,
    }));
  }

  /** A restore drill of one tier failed. */
  async drillFailed(entityRef: string, drill: FailedDrill): Promise<void> {
    const tier = `${drill.tier.kind}/${drill.tier.name}`;
    await this.#send(entityRef, title => ({
      title: `Restore drill of ${title} (${tier}) failed`,
      description: drill.failureReason ?? 'The drill did not pass.',
      severity: 'high',
      scope: `backups:drill:${canonical(entityRef)}:${drill.id}`,
    }));
  }

  async #send(
    ref: string,
    payload: (title: string) => Omit<Payload, 'link' | 'topic'>,
  ): Promise<void> {
    const entityRef = canonical(ref);
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials: await this.#auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      this.#logger.warn(
        `backups: not notifying the owners of ${entityRef}: it is no longer in the catalog`,
      );
      return;
    }
    await this.#notifications.send({
      recipients: { type: 'entity', entityRef },
      payload: {
        ...payload(displayName(entity)),
        link: backupsTabPath(entity),
        topic: BACKUPS_NOTIFICATION_TOPIC,
      },
    });
  }
}

/** Scopes and recipients use one spelling of the ref: kind in lower case. */
function canonical(ref: string): string {
  return stringifyEntityRef(parseEntityRef(ref));
}

function displayName(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

/** The entity's Backups tab, relative to the app. */
export function backupsTabPath(entity: Entity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    entity.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(entity.metadata.name)}/backups`;
}
