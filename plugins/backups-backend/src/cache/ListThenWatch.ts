import type { Watch } from '@kubernetes/client-node';
import type { KubeItem } from '../cluster/ClusterState';

export type WatchedPhase = 'ADDED' | 'MODIFIED' | 'DELETED';

type Options = {
  path: string;
  watch: Pick<Watch, 'watch'>;
  /** Lists and applies the list itself; answers the list's resourceVersion. */
  list: () => Promise<{ resourceVersion?: string }>;
  onEvent: (phase: WatchedPhase, item: KubeItem) => void;
  /** A list or a watch failed (not a 410): the owner decides when to `start` again. */
  onError: (error: unknown) => void;
};

function gone(error: any): boolean {
  return error?.statusCode === 410 || error?.code === 410;
}

/**
 * What client-node's `ListWatch` does — LIST, WATCH from the list's
 * resourceVersion, watch again from the last one seen when the server ends
 * the stream, LIST again after 410 Gone — without keeping a map of every
 * object of its own: the informer's maps are the only ones that hold the
 * cached objects (P4 in docs/performance.md).
 */
export class ListThenWatch {
  readonly #o: Options;
  #resourceVersion = '';
  #request?: AbortController;
  #stopped = true;
  /** Bumped by each step: a late answer of an older one is not kept. */
  #attempt = 0;

  constructor(options: Options) {
    this.#o = options;
  }

  /** Lists if it has no resourceVersion yet (or lost it to a 410), then watches. */
  async start(): Promise<void> {
    this.#stopped = false;
    await this.#next(undefined);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#abort();
  }

  #abort() {
    this.#request?.abort();
    this.#request = undefined;
  }

  async #next(error: unknown) {
    const attempt = ++this.#attempt;
    this.#abort();
    if (gone(error)) this.#resourceVersion = '';
    else if (error) {
      this.#o.onError(error);
      return;
    }
    if (this.#stopped) return;
    if (!this.#resourceVersion) {
      try {
        this.#resourceVersion = (await this.#o.list()).resourceVersion ?? '';
      } catch (listError) {
        this.#o.onError(listError);
        return;
      }
      if (this.#stopped) return;
    }
    const request = await this.#o.watch.watch(
      this.#o.path,
      { resourceVersion: this.#resourceVersion },
      (phase: string, object: any) => this.#event(phase, object),
      (doneError: unknown) => void this.#next(doneError ?? undefined),
    );
    // Stopped while the server was answering, or the watch already ended
    // (a refusal calls done before this resolves) and a newer step runs:
    // this stream is not the one to keep.
    if (this.#stopped || attempt !== this.#attempt) request.abort();
    else this.#request = request;
  }

  #event(phase: string, object: any) {
    if (phase === 'ERROR') {
      // The stream ends next; the done callback lists again.
      if (object?.code === 410) this.#resourceVersion = '';
      return;
    }
    if (phase === 'ADDED' || phase === 'MODIFIED' || phase === 'DELETED')
      this.#o.onEvent(phase, object);
    // BOOKMARKs too: a watch resumes from the newest version seen.
    this.#resourceVersion = object?.metadata?.resourceVersion ?? '';
  }
}
