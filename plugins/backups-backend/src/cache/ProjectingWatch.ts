import { KubeConfig, Watch } from '@kubernetes/client-node';
import { KubeItem, ResourceRef } from '../cluster/ClusterState';
import { projectItem } from '../cluster/projections';

/** The same cluster, with a bearer token fetched for this request. */
function withBearerToken(kubeConfig: KubeConfig, token: string): KubeConfig {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig names no cluster');
  const copy = new KubeConfig();
  copy.loadFromOptions({
    clusters: [cluster],
    users: [{ name: 'backstage', token }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'backstage' },
    ],
    currentContext: cluster.name,
  });
  return copy;
}

export type WatchHooks = {
  /** A watch request is about to be made. */
  onStart(): void;
  /** The server answered 200: the stream is open. */
  onOpen(): void;
  /** An event arrived: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR. */
  onEvent(phase: string): void;
  /** The watch ended: `error` is undefined when the server closed it. */
  onEnd(error: unknown): void;
};

/**
 * client-node's Watch, as an informer's watch: it asks for bookmarks and for a
 * server-side timeout (so a stream is renewed now and then, as client-go's
 * reflector does), projects every object before the informer stores it (the
 * cache never holds managedFields or whole specs), and fetches a cloud bearer
 * token per watch when the cluster needs one.
 */
export class ProjectingWatch extends Watch {
  readonly #resource: ResourceRef;
  readonly #kubeConfig: KubeConfig;
  readonly #bearerToken?: () => Promise<string>;
  readonly #timeoutSeconds: number;
  readonly #hooks: WatchHooks;

  constructor(options: {
    resource: ResourceRef;
    kubeConfig: KubeConfig;
    bearerToken?: () => Promise<string>;
    timeoutSeconds: number;
    hooks: WatchHooks;
  }) {
    super(options.kubeConfig);
    this.#resource = options.resource;
    this.#kubeConfig = options.kubeConfig;
    this.#bearerToken = options.bearerToken;
    this.#timeoutSeconds = options.timeoutSeconds;
    this.#hooks = options.hooks;
  }

  async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: any, watchObj?: any) => void,
    done: (err: any) => void,
  ): Promise<AbortController> {
    this.#hooks.onStart();
    let ended = false;
    const end = (error: unknown) => {
      ended = true;
      this.#hooks.onEnd(error ?? undefined);
      done(error);
    };
    try {
      if (this.#bearerToken)
        this.config = withBearerToken(
          this.#kubeConfig,
          await this.#bearerToken(),
        );
      const controller = await super.watch(
        path,
        {
          ...queryParams,
          allowWatchBookmarks: true,
          timeoutSeconds: this.#timeoutSeconds,
        },
        (phase, object, event) => {
          this.#hooks.onEvent(phase);
          const changed =
            phase === 'ADDED' || phase === 'MODIFIED' || phase === 'DELETED';
          callback(
            phase,
            changed
              ? (projectItem(this.#resource, object) as KubeItem)
              : object,
            event,
          );
        },
        end,
      );
      // client-node resolves once the server answered; a refusal has
      // already ended the watch by then.
      if (!ended) this.#hooks.onOpen();
      return controller;
    } catch (error) {
      // The informer awaits this call: a throw here would be lost.
      end(error);
      return new AbortController();
    }
  }
}
