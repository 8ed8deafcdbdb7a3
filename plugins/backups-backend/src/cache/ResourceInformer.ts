import { LoggerService } from '@backstage/backend-plugin-api';
import { KubeConfig } from '@kubernetes/client-node';
import {
  KubeItem,
  ListOptions,
  ResourceRef,
  SourceStatus,
} from '../cluster/ClusterState';
import { includesNamespace } from '../readers/includesNamespace';
import { CacheSettings } from './cacheSettings';
import { cachedLabelSelector, fieldFilter, labelFilter } from './itemFilters';
import { ListThenWatch } from './ListThenWatch';
import { ProjectingWatch } from './ProjectingWatch';
import { SourceNotReadyError } from './SourceNotReadyError';

/** Index keys of one object, e.g. the value of one label. */
export type IndexFunction = (item: KubeItem) => string[];

/** The bucket of objects without the indexed label. */
export const ABSENT = '\u0000absent';
/** The bucket of Backups that include every namespace, or a glob. */
export const ANY_NAMESPACE = '\u0000any';

/** Indexes every object by a label's value (ABSENT when it has none). */
export function labelIndex(label: string): IndexFunction {
  return item => [item.metadata.labels?.[label] ?? ABSENT];
}

/** Indexes Velero Backups by the namespaces their spec names literally. */
export const includedNamespaceIndex: IndexFunction = item => {
  const included: unknown = item.spec?.includedNamespaces;
  if (!Array.isArray(included) || included.length === 0) return [ANY_NAMESPACE];
  return included.map(n =>
    typeof n === 'string' && !/[*?[]/.test(n) ? n : ANY_NAMESPACE,
  );
};

/** How an informer lists: the paginated, projected LIST of the listing layer. */
export type ListFunction = (
  resource: ResourceRef,
  options: ListOptions,
) => Promise<{ items: KubeItem[]; resourceVersion?: string }>;

type Options = {
  clusterName: string;
  resource: ResourceRef;
  /** The namespace watched; all of them when undefined. */
  namespace?: string;
  kubeConfig: KubeConfig;
  bearerToken?: () => Promise<string>;
  list: ListFunction;
  /** `label:<key>` for labelIndex(key), `includedNamespace`. */
  indexes?: Record<string, IndexFunction>;
  settings: CacheSettings;
  logger: LoggerService;
  now?: () => number;
};

function statusCode(error: any): number | undefined {
  const code = error?.statusCode ?? error?.code;
  return typeof code === 'number' ? code : undefined;
}

/** etcd's order: keys compared code unit by code unit, not by locale. */
function byKey(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function key(item: KubeItem) {
  return `${item.metadata.namespace ?? ''}/${item.metadata.name}`;
}

/** Objects in the cache are shared by every request: none may change one. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function apiPath(resource: ResourceRef, namespace?: string) {
  const base = resource.group
    ? `/apis/${resource.group}/${resource.version}`
    : `/api/${resource.version}`;
  return namespace
    ? `${base}/namespaces/${encodeURIComponent(namespace)}/${resource.plural}`
    : `${base}/${resource.plural}`;
}

/**
 * One kind of one cluster, in memory: a list-then-watch over client-node's
 * Watch (ListThenWatch) LISTs, then WATCHes from the list's resourceVersion, and relists on
 * `410 Gone`. Objects are projected to the fields the readers use before they
 * are stored, then frozen, and indexed by namespace and by the configured
 * keys (a schedule label, included namespaces).
 *
 * When the watch is forbidden (403) it polls with paginated LISTs instead;
 * while a kind is not served (a CRD not installed yet, 404) it lists at the
 * same interval until it is, then watches. Every other failure is retried
 * with a capped backoff. What it answers is only as old as the staleness
 * bound allows: past it, reads fail with SourceNotReadyError('stale').
 */
export class ResourceInformer {
  readonly resource: ResourceRef;
  readonly namespace?: string;
  readonly #o: Options;
  readonly #now: () => number;
  #informer?: ListThenWatch;
  #generation = 0;
  readonly #items = new Map<string, KubeItem>();
  /** Absent for an informer of one namespace, whose items are all in it. */
  readonly #byNamespace?: Map<string, Map<string, KubeItem>>;
  readonly #indexes = new Map<
    string,
    { fn: IndexFunction; buckets: Map<string, Map<string, KubeItem>> }
  >();
  #mode: 'watch' | 'poll' = 'watch';
  /** A complete list has been applied (and not withdrawn by a 404 or 403). */
  #synced = false;
  /** A watch stream is open: it has delivered an event or a bookmark. */
  #watching = false;
  /** When the data last matched the API server, while no watch runs. */
  #syncedAt?: number;
  #error?: unknown;
  #failures = 0;
  #timer?: NodeJS.Timeout;
  #stopped = true;
  #lastWatchFailed = false;
  readonly #ready: Promise<void>;
  #markReady!: () => void;

  static create(options: Options): ResourceInformer {
    return new ResourceInformer(options);
  }

  private constructor(options: Options) {
    this.#o = options;
    this.resource = options.resource;
    this.namespace = options.namespace;
    if (options.namespace === undefined) this.#byNamespace = new Map();
    this.#now = options.now ?? Date.now;
    this.#ready = new Promise(resolve => {
      this.#markReady = resolve;
    });
    for (const [name, fn] of Object.entries(options.indexes ?? {}))
      this.#indexes.set(name, { fn, buckets: new Map() });
  }

  /**
   * A fresh list-then-watch, which LISTs first. Its list is applied to the
   * cache whole (objects gone from it are removed), so a new one can take
   * over from an old one; the old one's late callbacks are ignored.
   */
  #makeInformer(): ListThenWatch {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation && !this.#stopped;
    const watch = new ProjectingWatch({
      resource: this.resource,
      kubeConfig: this.#o.kubeConfig,
      bearerToken: this.#o.bearerToken,
      timeoutSeconds: this.#o.settings.watchTimeoutSeconds,
      hooks: {
        onStart: () => {
          if (!current()) return;
          this.#lastWatchFailed = false;
        },
        onOpen: () => {
          if (!current()) return;
          // The server accepted the resourceVersion: from here on the
          // stream carries every change (an expired one ends it with 410).
          this.#watching = true;
          this.#markSynced();
        },
        onEvent: phase => {
          if (current() && phase !== 'ERROR') this.#failures = 0;
        },
        onEnd: error => {
          if (!current()) return;
          if (this.#watching) this.#syncedAt = this.#now();
          this.#watching = false;
          if (error) this.#lastWatchFailed = true;
        },
      },
    });
    return new ListThenWatch({
      path: apiPath(this.resource, this.namespace),
      watch,
      list: async () => {
        const list = await this.#o.list(this.resource, {
          namespace: this.namespace,
        });
        if (current()) {
          this.#mode = 'watch';
          this.#replace(list.items);
          // A complete list: the cache matches the server as of now.
          this.#markSynced();
        }
        return list;
      },
      onEvent: (phase, item) => {
        if (!current()) return;
        if (phase === 'DELETED') this.#remove(item);
        else this.#upsert(item);
      },
      onError: error => current() && this.#failed(error),
    });
  }

  /** Starts listing and watching in the background. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#informer = this.#makeInformer();
    void this.#informer.start();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#informer?.stop();
  }

  /**
   * The list itself is forbidden (403): RBAC may allow narrower reads (one
   * namespace), which the caller then makes per request.
   */
  get listForbidden(): boolean {
    return !this.#synced && statusCode(this.#error) === 403;
  }

  /** Settles once the first list succeeded or failed. */
  ready(): Promise<void> {
    return this.#ready;
  }

  #state(): SourceStatus['state'] {
    if (!this.#synced) return this.#error ? 'error' : 'warming';
    if (this.#isStale()) return 'stale';
    // A watch that failed and has not reopened yet, within the bound.
    if (this.#error && !this.#watching && this.#mode === 'watch')
      return 'error';
    return 'ready';
  }

  status(): SourceStatus {
    const syncedAt = this.#syncedTime();
    const state = this.#state();
    if (this.listForbidden)
      return {
        resource: this.resource,
        ...(this.namespace ? { namespace: this.namespace } : {}),
        mode: 'list',
        state: 'ready',
        message: `listing ${
          this.namespace ? 'this namespace' : 'across namespaces'
        } is forbidden; read per request where allowed`,
      };
    return {
      resource: this.resource,
      ...(this.namespace ? { namespace: this.namespace } : {}),
      mode: this.#mode,
      state,
      ...(syncedAt !== undefined
        ? { syncedAt: new Date(syncedAt).toISOString() }
        : {}),
      ...(state !== 'ready' || this.#mode === 'poll'
        ? { message: this.#describeState(state) }
        : {}),
    };
  }

  /**
   * The objects that match, from memory. Throws the API server's error when
   * the kind could not be listed, and SourceNotReadyError when there is no
   * data yet or it is too old.
   */
  read(options: ListOptions): KubeItem[] {
    if (!this.#synced) {
      if (this.#error) throw this.#error;
      throw new SourceNotReadyError(
        'pending',
        `${this.#what()} is still being loaded into the cache`,
      );
    }
    if (this.#isStale()) {
      const syncedAt = new Date(this.#syncedTime() ?? 0).toISOString();
      throw new SourceNotReadyError(
        'stale',
        `${this.#what()} has not been in sync with the API server since ${syncedAt}`,
        syncedAt,
      );
    }
    const fields = fieldFilter(options.fieldSelector);
    if (fields === 'unsupported')
      throw new Error(`field selector not answered from the cache`);
    const labels = labelFilter(options.labelSelector);
    const { namespace, includesNamespace: included } = options;
    const result: KubeItem[] = [];
    for (const item of this.#candidates(options)) {
      if (namespace !== undefined && item.metadata.namespace !== namespace)
        continue;
      if (labels && !labels(item)) continue;
      if (fields && !fields(item)) continue;
      if (included !== undefined && !includesNamespace(item.spec, included))
        continue;
      result.push(item);
    }
    // The API server's order (etcd's keys, byte by byte), so that a cached
    // answer lists exactly as a LIST does.
    return result
      .map(item => [key(item), item] as const)
      .sort(([a], [b]) => byKey(a, b))
      .map(([, item]) => item);
  }

  /** How many objects are cached (for the benchmark and tests). */
  get size(): number {
    return this.#items.size;
  }

  /** The smallest set that holds every match, from an index when one applies. */
  #candidates(options: ListOptions): Iterable<KubeItem> {
    if (options.labelSelector) {
      for (const r of cachedLabelSelector(options.labelSelector).requirements) {
        const index = this.#indexes.get(`label:${r.key}`);
        if (!index) continue;
        if (r.operator === 'In')
          return r.values.flatMap(v => [
            ...(index.buckets.get(v)?.values() ?? []),
          ]);
        if (r.operator === 'DoesNotExist')
          return index.buckets.get(ABSENT)?.values() ?? [];
      }
    }
    const byIncluded = this.#indexes.get('includedNamespace');
    if (options.includesNamespace !== undefined && byIncluded) {
      return [
        ...(byIncluded.buckets.get(options.includesNamespace)?.values() ?? []),
        ...(byIncluded.buckets.get(ANY_NAMESPACE)?.values() ?? []),
      ];
    }
    if (options.namespace !== undefined) {
      if (!this.#byNamespace)
        return options.namespace === this.namespace ? this.#items.values() : [];
      return this.#byNamespace.get(options.namespace)?.values() ?? [];
    }
    return this.#items.values();
  }

  #what() {
    const { plural, group } = this.resource;
    return `${plural}${group ? `.${group}` : ''}${
      this.namespace ? ` in namespace ${this.namespace}` : ''
    } on cluster "${this.#o.clusterName}"`;
  }

  #describeState(state: SourceStatus['state']): string {
    const poll = `listed every ${Math.round(
      this.#o.settings.pollIntervalMs / 1000,
    )} s`;
    if (state === 'warming') return 'loading';
    if (this.#mode === 'poll' && statusCode(this.#error) === 404)
      return `not served; ${poll} until it is`;
    if (state === 'stale')
      return 'the watch is broken and the data is older than the staleness bound';
    if (state === 'error') return 'the last list or watch failed; retrying';
    return `watch not allowed; ${poll}`;
  }

  #syncedTime(): number | undefined {
    if (!this.#synced) return undefined;
    return this.#watching ? this.#now() : this.#syncedAt;
  }

  #isStale(): boolean {
    if (this.#watching) return false;
    const syncedAt = this.#syncedAt ?? 0;
    return this.#now() - syncedAt > this.#o.settings.staleAfterMs;
  }

  #markSynced() {
    this.#synced = true;
    this.#error = undefined;
    this.#syncedAt = this.#now();
    this.#markReady();
  }

  #failed(error: unknown) {
    const code = statusCode(error);
    const fromWatch = this.#lastWatchFailed;
    this.#lastWatchFailed = false;
    this.#error = error;
    this.#watching = false;
    if (fromWatch && (code === 403 || code === 405)) {
      this.#o.logger.warn(
        `backups: watching ${this.#what()} is not allowed (HTTP ${code}); polling it every ${
          this.#o.settings.pollIntervalMs
        } ms instead`,
      );
      this.#mode = 'poll';
      this.#error = undefined;
      void this.#informer?.stop();
      this.#schedule(() => this.#poll(), this.#o.settings.pollIntervalMs);
      return;
    }
    this.#markReady();
    if (code === 404 || code === 403) {
      // The kind is not served (a CRD not installed, or removed) or no
      // longer readable: what was cached is not the truth any more. List
      // again at the poll interval: a CRD may be installed later.
      this.#synced = false;
      this.#mode = 'poll';
      this.#schedule(() => this.#relist(), this.#o.settings.pollIntervalMs);
      return;
    }
    this.#failures += 1;
    const delay = Math.min(
      this.#o.settings.retryInitialMs * 2 ** (this.#failures - 1),
      this.#o.settings.retryMaxMs,
    );
    this.#o.logger.debug(
      `backups: ${
        fromWatch ? 'watching' : 'listing'
      } ${this.#what()} failed; retrying in ${delay} ms`,
    );
    if (fromWatch && code === 504) {
      // "Too large resource version": this server has not reached ours (a
      // replaced or restored cluster); only a fresh list helps.
      this.#schedule(() => this.#relist(), delay);
      return;
    }
    // The informer resumes its watch from the last resourceVersion (or
    // lists, if it never listed; a 410 makes it relist).
    this.#schedule(() => {
      if (!this.#stopped) void this.#informer?.start();
    }, delay);
  }

  /** Replaces the informer with a fresh one, which lists again. */
  #relist() {
    if (this.#stopped) return;
    // The mode stays what it was until the list succeeds: a kind still not
    // served is polled, not "watched", while its list is in flight.
    void this.#informer?.stop();
    this.#informer = this.#makeInformer();
    void this.#informer.start();
  }

  #schedule(fn: () => void, delayMs: number) {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(fn, delayMs);
    this.#timer.unref?.();
  }

  async #poll() {
    if (this.#stopped) return;
    try {
      const { items } = await this.#o.list(this.resource, {
        namespace: this.namespace,
      });
      if (this.#stopped) return;
      this.#replace(items);
      this.#markSynced();
    } catch (error) {
      this.#error = error;
      const code = statusCode(error);
      if (code === 404 || code === 403) this.#synced = false;
      this.#markReady();
    }
    this.#schedule(() => this.#poll(), this.#o.settings.pollIntervalMs);
  }

  #upsert(item: KubeItem) {
    const k = key(item);
    const existing = this.#items.get(k);
    if (
      existing &&
      existing.metadata.resourceVersion !== undefined &&
      existing.metadata.resourceVersion === item.metadata.resourceVersion
    )
      return;
    if (existing) this.#unindex(k, existing);
    deepFreeze(item);
    this.#items.set(k, item);
    if (this.#byNamespace) {
      const ns = item.metadata.namespace ?? '';
      let inNamespace = this.#byNamespace.get(ns);
      if (!inNamespace) {
        inNamespace = new Map();
        this.#byNamespace.set(ns, inNamespace);
      }
      inNamespace.set(k, item);
    }
    for (const { fn, buckets } of this.#indexes.values()) {
      for (const value of fn(item)) {
        let bucket = buckets.get(value);
        if (!bucket) {
          bucket = new Map();
          buckets.set(value, bucket);
        }
        bucket.set(k, item);
      }
    }
  }

  #remove(item: KubeItem) {
    const k = key(item);
    const existing = this.#items.get(k);
    if (!existing) return;
    this.#items.delete(k);
    this.#unindex(k, existing);
  }

  #unindex(k: string, item: KubeItem) {
    if (this.#byNamespace) {
      const ns = item.metadata.namespace ?? '';
      const inNamespace = this.#byNamespace.get(ns);
      inNamespace?.delete(k);
      if (inNamespace?.size === 0) this.#byNamespace.delete(ns);
    }
    for (const { fn, buckets } of this.#indexes.values()) {
      for (const value of fn(item)) {
        const bucket = buckets.get(value);
        bucket?.delete(k);
        if (bucket?.size === 0) buckets.delete(value);
      }
    }
  }

  /** Makes the cache hold exactly a fresh list. */
  #replace(items: KubeItem[]) {
    const seen = new Set(items.map(key));
    for (const [k, item] of [...this.#items])
      if (!seen.has(k)) this.#remove(item);
    for (const item of items) this.#upsert(item);
  }
}
