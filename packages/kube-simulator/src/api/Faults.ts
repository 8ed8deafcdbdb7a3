import { ServerResponse } from 'node:http';
import { Fault, FaultScope, faultMessage } from './Fault';
import { RequestInfo } from './requestInfo';
import { fail } from './status';

/** A request as faults see it. */
export type FaultRequest = {
  identity: string;
  info: RequestInfo;
  method: string;
  url: URL;
};

/** Thrown when the client went away, or the simulator stopped, while a request waited. */
export class RequestGone extends Error {
  readonly name = 'RequestGone';
}

function inScope(scope: FaultScope, { identity, info }: FaultRequest) {
  if (scope.identity !== undefined && scope.identity !== identity) return false;
  if (scope.verbs && !scope.verbs.includes(info.verb)) return false;
  const resourceScoped =
    scope.group !== undefined ||
    scope.resource !== undefined ||
    scope.namespace !== undefined;
  if (!info.resourceRequest) return !resourceScoped;
  return (
    (scope.group === undefined || scope.group === info.group) &&
    (scope.resource === undefined || scope.resource === info.resource) &&
    (scope.namespace === undefined || scope.namespace === info.namespace)
  );
}

/** A number in [0, 1) from a text: FNV-1a, then MurmurHash3's finaliser to spread the bits. */
function unitInterval(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

function failWith(
  status: number,
  request: FaultRequest,
  message?: string,
): never {
  const { info } = request;
  if (!info.resourceRequest) {
    return fail(
      status,
      message ??
        (status === 403
          ? `forbidden: User "system:serviceaccount:backstage:backstage" cannot ${info.verb} path "${info.path}"`
          : faultMessage({ group: '', resource: '', status }, info.verb)),
    );
  }
  return fail(
    status,
    faultMessage(
      {
        group: info.group,
        resource: info.resource,
        namespace: info.namespace,
        status,
        message,
      },
      info.verb,
    ),
    {
      details: {
        group: info.group,
        kind: info.resource,
        ...(info.name ? { name: info.name } : {}),
      },
    },
  );
}

/**
 * The faults in force on one simulator, and what they do to a request. They
 * can be added and removed while it runs (a test's recovery step); waits
 * they impose end when the client goes away or the simulator stops.
 */
export class Faults {
  readonly #faults: Fault[];
  /** Per flaky fault: how often each request was seen, for repeatable draws. */
  readonly #seen = new WeakMap<Fault, Map<string, number>>();
  readonly #waits = new Set<() => void>();

  constructor(initial: Fault[] = []) {
    this.#faults = [...initial];
  }

  /** Adds a fault; the function returned removes it again. */
  add(fault: Fault): () => void {
    this.#faults.push(fault);
    return () => {
      this.remove(fault);
    };
  }

  remove(fault: Fault): boolean {
    const index = this.#faults.indexOf(fault);
    if (index < 0) return false;
    this.#faults.splice(index, 1);
    return true;
  }

  clear() {
    this.#faults.splice(0, this.#faults.length);
  }

  list(): Fault[] {
    return [...this.#faults];
  }

  /** Groups whose CRDs a fault has removed. */
  missingGroups(): string[] {
    return this.#faults.flatMap(f =>
      f.kind === 'missingGroup' ? [f.group] : [],
    );
  }

  /**
   * Applies the faults that act before a request is routed: 401s, waits,
   * 403s, fixed statuses and flaky 5xx answers. Throws the Status to answer.
   */
  async before(request: FaultRequest, res: ServerResponse): Promise<void> {
    const matching = this.#faults.filter(
      f => f.kind !== 'missingGroup' && inScope(f, request),
    );
    if (matching.some(f => f.kind === 'unauthorized'))
      fail(401, 'Unauthorized');

    let delayMs = 0;
    for (const f of matching) {
      if (f.kind === 'latency') delayMs += f.delayMs;
      if ((f.kind === undefined || f.kind === 'status') && f.delayMs)
        delayMs += f.delayMs;
    }
    if (delayMs > 0) await this.#wait(delayMs, res);

    if (matching.some(f => f.kind === 'forbidden')) failWith(403, request);
    for (const f of matching) {
      if ((f.kind === undefined || f.kind === 'status') && f.status)
        failWith(f.status, request, f.message);
    }
    for (const f of matching) {
      if (f.kind === 'flaky' && this.#draw(f, request) < f.fraction)
        failWith(f.status ?? 500, request);
    }
  }

  /** Throws when a fault fails this page of a LIST (1 is the first page). */
  checkListPage(request: FaultRequest, page: number) {
    for (const f of this.#faults) {
      if (
        f.kind === 'failPage' &&
        request.info.verb === 'list' &&
        f.page === page &&
        inScope(f, request)
      )
        failWith(f.status ?? 500, request);
    }
  }

  /** Whether a LIST must answer the same continue token again. */
  repeatsContinue(request: FaultRequest): boolean {
    return this.#faults.some(
      f =>
        f.kind === 'repeatContinue' &&
        request.info.verb === 'list' &&
        inScope(f, request),
    );
  }

  /** Ends every wait: the simulator is stopping. */
  stop() {
    for (const cancel of [...this.#waits]) cancel();
  }

  #draw(fault: Fault, request: FaultRequest): number {
    let seen = this.#seen.get(fault);
    if (!seen) {
      seen = new Map();
      this.#seen.set(fault, seen);
    }
    const key = `${request.identity} ${request.method} ${request.url.pathname}${request.url.search}`;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    const seed = fault.kind === 'flaky' ? fault.seed ?? 0 : 0;
    return unitInterval(`${seed}|${key}|${count}`);
  }

  #wait(ms: number, res: ServerResponse): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let gone = () => {};
    let cancel = () => {};
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        res.off('close', gone);
        this.#waits.delete(cancel);
        if (error) reject(error);
        else resolve();
      };
      gone = () => finish(new RequestGone('the client went away'));
      cancel = () => finish(new RequestGone('the simulator stopped'));
      timer = setTimeout(() => finish(), ms);
      res.on('close', gone);
      this.#waits.add(cancel);
    });
  }
}
