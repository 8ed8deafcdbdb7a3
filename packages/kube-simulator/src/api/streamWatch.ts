import { IncomingMessage, ServerResponse } from 'node:http';
import { KubeObject, StoreEvent } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { ListQuery, selectorFilter } from './listObjects';
import { fail, status } from './status';

export type WatchOptions = {
  store: ObjectStore;
  apiVersion: string;
  kind: string;
  namespace?: string;
  query: ListQuery;
  resourceVersion?: string;
  timeoutSeconds?: number;
  allowBookmarks: boolean;
};

/**
 * Streams watch events as newline-delimited JSON. Without a resourceVersion (or
 * with "0") it starts with ADDED events for the current objects; with one, it
 * replays the events after it, or sends a 410 Gone ERROR when they are no
 * longer kept, as a real API server does. Returns a function that ends the
 * watch and clears its timers (the simulator calls it on stop).
 */
export function streamWatch(
  req: IncomingMessage,
  res: ServerResponse,
  options: WatchOptions,
): () => void {
  const { store, apiVersion, kind, namespace } = options;
  const matches = selectorFilter(options.query);
  const relevant = (o: KubeObject) =>
    o.apiVersion === apiVersion &&
    o.kind === kind &&
    (namespace === undefined || o.metadata.namespace === namespace);

  const requested = Number(options.resourceVersion);
  if (options.resourceVersion && requested > store.resourceVersion) {
    // A resourceVersion this server has not reached (e.g. one from before
    // the cluster was replaced): the API server's watch cache gives up
    // with "Too large resource version", and a client relists.
    fail(
      504,
      `Too large resource version: ${requested}, current: ${store.resourceVersion}`,
      {
        reason: 'Timeout',
        details: {
          causes: [
            {
              reason: 'ResourceVersionTooLarge',
              message: 'Too large resource version',
            },
          ],
          retryAfterSeconds: 1,
        },
      },
    );
  }
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
  });
  // The API server flushes the headers at once: a client knows the watch
  // is open before the first event.
  res.flushHeaders();
  const write = (type: string, object: unknown) =>
    res.write(`${JSON.stringify({ type, object })}\n`);

  let backlog: StoreEvent[] | undefined;
  const rv = options.resourceVersion;
  if (rv && rv !== '0') {
    backlog = store.eventsSince(Number(rv));
    if (!backlog || Number.isNaN(Number(rv))) {
      write(
        'ERROR',
        status(
          410,
          `too old resource version: ${rv} (${store.oldestResumableVersion})`,
          { reason: 'Expired' },
        ),
      );
      res.end();
      return () => undefined;
    }
  } else {
    backlog = store.select(apiVersion, kind, namespace).map(object => ({
      type: 'ADDED' as const,
      object,
      resourceVersion: Number(object.metadata.resourceVersion),
    }));
  }
  for (const event of backlog) {
    if (relevant(event.object) && matches(event.object))
      write(event.type, event.object);
  }

  const unsubscribe = store.subscribe(event => {
    if (relevant(event.object) && matches(event.object))
      write(event.type, event.object);
  });
  const bookmarks = options.allowBookmarks
    ? setInterval(
        () =>
          write('BOOKMARK', {
            kind,
            apiVersion,
            metadata: { resourceVersion: String(store.resourceVersion) },
          }),
        10_000,
      )
    : undefined;
  const timeout = options.timeoutSeconds
    ? setTimeout(() => res.end(), options.timeoutSeconds * 1000)
    : undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    if (bookmarks) clearInterval(bookmarks);
    if (timeout) clearTimeout(timeout);
  };
  req.on('close', close);
  res.on('close', close);
  return () => {
    close();
    res.end();
  };
}
