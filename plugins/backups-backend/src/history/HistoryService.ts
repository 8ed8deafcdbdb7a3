import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  BackupsHistory,
  HistoryDrill,
  HistoryQuery,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import type { HistoryStore } from './HistoryStore';
import { summarizeHistory } from './summarizeHistory';
import { thinHistory } from './thinHistory';

/** The longest range one request may ask for. */
export const MAX_HISTORY_DAYS = 400;
/** The range when the request names none. */
export const DEFAULT_HISTORY_DAYS = 30;

/** Where drill markers come from, when drills are kept. */
export type HistoryDrillSource = {
  listDrillMarkers(
    entityRef: string,
    range: { from: DateTime; to: DateTime },
  ): Promise<HistoryDrill[]>;
};

type Options = {
  store: HistoryStore;
  catalog: CatalogService;
  auth: AuthService;
  intervalSeconds: number;
  drills?: HistoryDrillSource;
  now?: () => DateTime;
};

/** Answers the history of an entity's tiers from what the history task recorded. */
export class HistoryService {
  readonly #options: Options;
  readonly #now: () => DateTime;

  static create(options: Options): HistoryService {
    return new HistoryService(options);
  }

  private constructor(options: Options) {
    this.#options = options;
    this.#now = options.now ?? (() => DateTime.utc());
  }

  async getHistory(
    entityRef: CompoundEntityRef,
    query: HistoryQuery,
    options: { credentials: BackstageCredentials },
  ): Promise<BackupsHistory> {
    const { store, catalog, auth, drills, intervalSeconds } = this.#options;
    const now = this.#now();
    const range = resolveRange(query, now);
    const ref = stringifyEntityRef(entityRef);
    // As for the overview: a user reads the entity with their own
    // credentials, so the catalog's read permission applies.
    const credentials = auth.isPrincipal(options.credentials, 'user')
      ? options.credentials
      : await auth.getOwnServiceCredentials();
    if (!(await catalog.getEntityByRef(entityRef, { credentials })))
      throw new NotFoundError(`No entity ${ref}`);

    const recorded = await store.list(ref, range);
    const { items, bucketSeconds } = query.maxPoints
      ? thinHistory(recorded, range, query.maxPoints)
      : { items: recorded, bucketSeconds: undefined };
    const markers = drills
      ? await drills.listDrillMarkers(ref, range)
      : undefined;
    return {
      entityRef: ref,
      from: range.from.toISO()!,
      to: range.to.toISO()!,
      intervalSeconds,
      items,
      ...(bucketSeconds !== undefined ? { bucketSeconds } : {}),
      // From every recorded point, merged or not.
      summary: summarizeHistory(recorded, {
        intervalSeconds,
        end: DateTime.min(range.to, now),
      }),
      ...(markers ? { drills: markers } : {}),
    };
  }
}

function resolveRange(query: HistoryQuery, now: DateTime) {
  const to = query.to ? DateTime.fromISO(query.to).toUTC() : now;
  const from = query.from
    ? DateTime.fromISO(query.from).toUTC()
    : to.minus({ days: DEFAULT_HISTORY_DAYS });
  if (from >= to) throw new InputError('from must be before to');
  if (to.diff(from, 'days').days > MAX_HISTORY_DAYS)
    throw new InputError(
      `The range from–to may span at most ${MAX_HISTORY_DAYS} days`,
    );
  return { from, to };
}
