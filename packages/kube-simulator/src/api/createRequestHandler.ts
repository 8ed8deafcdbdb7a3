import { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { discovery } from './discovery';
import { FaultRequest, Faults, RequestGone } from './Faults';
import { encodeContinue, listPage, listPageNumber } from './listObjects';
import { parseResourcePath, ResourcePath } from './parseResourcePath';
import { jsonPatch, mergePatch } from './patch';
import { RequestInfo, requestInfo } from './requestInfo';
import { RequestLog, RequestLogEntry } from './RequestLog';
import { ResourceRegistry } from './ResourceRegistry';
import { groupVersion } from './resourceTypes';
import { fail, status, StatusError } from './status';
import { streamWatch } from './streamWatch';

export type RequestContext = {
  registry: ResourceRegistry;
  store: ObjectStore;
  /** Bearer token → identity name. */
  identities: ReadonlyMap<string, string>;
  faults: Faults;
  log: RequestLog;
  /** Ends each open watch; the simulator calls them all on stop. */
  watches: Set<() => void>;
  /** Schema validation of created and replaced objects; returns error messages. */
  validate: (object: KubeObject) => string[];
  /** The cluster's clock, for the timestamps the API server sets (deletionTimestamp). */
  now?: () => Date;
  /**
   * Answers the signed URLs of Velero's DownloadRequests (object storage,
   * not the API server: no token, no request log, no faults); false when
   * the path is not one.
   */
  serveDownload?: (
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ) => boolean;
};

const UNAUTHENTICATED = new Set(['/healthz', '/livez', '/readyz', '/version']);

function send(res: ServerResponse, code: number, body: unknown) {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return fail(400, 'the request body is not valid JSON');
  }
}

/** The identity of a request's bearer token, or who it is when it has none that is known. */
function identify(
  authorization: string | undefined,
  identities: ReadonlyMap<string, string>,
): { identity: string; authenticated: boolean } {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!match) return { identity: 'anonymous', authenticated: false };
  const identity = identities.get(match[1]);
  return identity
    ? { identity, authenticated: true }
    : { identity: 'invalid-token', authenticated: false };
}

function logEntry(
  identity: string,
  info: RequestInfo,
  code: number,
): RequestLogEntry {
  if (!info.resourceRequest)
    return {
      identity,
      verb: info.verb,
      nonResourceURL: info.path,
      status: code,
    };
  return {
    identity,
    verb: info.verb,
    group: info.group,
    resource: info.resource,
    ...(info.subresource ? { subresource: info.subresource } : {}),
    ...(info.namespace ? { namespace: info.namespace } : {}),
    ...(info.name ? { name: info.name } : {}),
    status: code,
  };
}

function notFound(path: ResourcePath, name: string): never {
  const resource = path.type.group
    ? `${path.type.plural}.${path.type.group}`
    : path.type.plural;
  return fail(404, `${resource} "${name}" not found`, {
    details: { name, group: path.type.group, kind: path.type.plural },
  });
}

function prepare(
  path: ResourcePath,
  body: any,
  ctx: RequestContext,
): KubeObject {
  if (!body || typeof body !== 'object')
    fail(400, 'the request body must be an object');
  const apiVersion = groupVersion(path.type);
  if (body.apiVersion && body.apiVersion !== apiVersion) {
    fail(
      400,
      `the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersion})`,
    );
  }
  if (body.kind && body.kind !== path.type.kind) {
    fail(
      400,
      `the kind in the data (${body.kind}) does not match the expected kind (${path.type.kind})`,
    );
  }
  const metadata = { ...(body.metadata ?? {}) };
  if (path.namespace) {
    if (metadata.namespace && metadata.namespace !== path.namespace) {
      fail(
        400,
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    metadata.namespace = path.namespace;
  }
  if (!metadata.name && metadata.generateName) {
    metadata.name = `${metadata.generateName}${randomBytes(3)
      .toString('hex')
      .slice(0, 5)}`;
  }
  const object: KubeObject = {
    ...body,
    apiVersion,
    kind: path.type.kind,
    metadata,
  };
  const causes: string[] = [];
  if (!metadata.name)
    causes.push(
      'metadata.name: Required value: name or generateName is required',
    );
  else if (
    !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(metadata.name) ||
    metadata.name.length > 253
  ) {
    causes.push(
      `metadata.name: Invalid value: "${metadata.name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'`,
    );
  }
  causes.push(...ctx.validate(object));
  if (causes.length > 0) {
    fail(
      422,
      `${path.type.kind}.${path.type.group || 'core'} "${
        metadata.name ?? ''
      }" is invalid: ${causes.join(', ')}`,
      {
        details: {
          name: metadata.name,
          group: path.type.group,
          kind: path.type.kind,
          causes: causes.map(message => ({
            reason: 'FieldValueInvalid',
            message,
            field: message.split(':')[0],
          })),
        },
      },
    );
  }
  return object;
}

async function handleResource(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  path: ResourcePath,
  ctx: RequestContext,
  request: FaultRequest,
) {
  const { store } = ctx;
  const apiVersion = groupVersion(path.type);
  const kind = path.type.kind;
  const query = url.searchParams;
  const watch = ['true', '1'].includes(query.get('watch') ?? '');
  const method = req.method ?? 'GET';

  if (method === 'GET' && !path.name) {
    const labelSelector = query.get('labelSelector') ?? undefined;
    const fieldSelector = query.get('fieldSelector') ?? undefined;
    if (watch) {
      const end = streamWatch(req, res, {
        store,
        apiVersion,
        kind,
        namespace: path.namespace,
        query: { labelSelector, fieldSelector },
        resourceVersion: query.get('resourceVersion') ?? undefined,
        timeoutSeconds: Number(query.get('timeoutSeconds') ?? 0) || undefined,
        allowBookmarks: query.get('allowWatchBookmarks') === 'true',
      });
      if (!res.writableEnded) {
        ctx.watches.add(end);
        res.once('close', () => ctx.watches.delete(end));
      }
      return;
    }
    const continueToken = query.get('continue') || undefined;
    const pageNumber = listPageNumber(continueToken);
    if (pageNumber !== undefined) ctx.faults.checkListPage(request, pageNumber);
    const page = listPage(
      store.select(apiVersion, kind, path.namespace),
      {
        labelSelector,
        fieldSelector,
        limit: Number(query.get('limit') ?? 0) || undefined,
        continueToken,
      },
      store.resourceVersion,
      { sorted: true },
    );
    if (ctx.faults.repeatsContinue(request)) {
      // The same token again and again: a client that follows it never ends.
      page.metadata.continue =
        continueToken ??
        page.metadata.continue ??
        encodeContinue({ after: '', rv: store.resourceVersion, page: 2 });
    }
    send(res, 200, {
      kind: `${kind}List`,
      apiVersion,
      metadata: page.metadata,
      items: page.items,
    });
    return;
  }

  if (
    path.namespace &&
    !['Namespace'].includes(kind) &&
    method !== 'GET' &&
    method !== 'DELETE'
  ) {
    const namespace = store.get('v1', 'Namespace', undefined, path.namespace);
    if (!namespace) {
      fail(404, `namespaces "${path.namespace}" not found`, {
        details: { name: path.namespace, kind: 'namespaces' },
      });
    }
    if (method === 'POST' && namespace.metadata.deletionTimestamp) {
      fail(
        403,
        `${path.type.plural} "${
          path.name ?? ''
        }" is forbidden: unable to create new content in namespace ${
          path.namespace
        } because it is being terminated`,
        { reason: 'Forbidden' },
      );
    }
  }

  if (method === 'POST' && !path.name) {
    const object = prepare(path, await readBody(req), ctx);
    if (
      store.get(
        apiVersion,
        kind,
        object.metadata.namespace,
        object.metadata.name,
      )
    ) {
      const resource = path.type.group
        ? `${path.type.plural}.${path.type.group}`
        : path.type.plural;
      fail(409, `${resource} "${object.metadata.name}" already exists`, {
        reason: 'AlreadyExists',
        details: {
          name: object.metadata.name,
          group: path.type.group,
          kind: path.type.plural,
        },
      });
    }
    // The API server sets these on create, whatever the client sent.
    for (const field of [
      'resourceVersion',
      'uid',
      'generation',
      'creationTimestamp',
    ])
      delete object.metadata[field];
    send(res, 201, store.put(object));
    return;
  }
  if (!path.name)
    fail(
      405,
      `the server does not allow this method on the requested resource`,
    );

  const existing = store.get(apiVersion, kind, path.namespace, path.name);
  if (method === 'GET') {
    send(res, 200, existing ?? notFound(path, path.name));
    return;
  }
  if (method === 'DELETE') {
    if (!existing) notFound(path, path.name);
    if (kind === 'Namespace') {
      // Terminating first; the namespace controller deletes its content, then it.
      send(
        res,
        200,
        existing.metadata.deletionTimestamp
          ? existing
          : store.put({
              ...existing,
              metadata: {
                ...existing.metadata,
                deletionTimestamp: (ctx.now?.() ?? new Date())
                  .toISOString()
                  .replace(/\.\d{3}Z$/, 'Z'),
              },
              status: { ...existing.status, phase: 'Terminating' },
            }),
      );
      return;
    }
    send(res, 200, store.delete(apiVersion, kind, path.namespace, path.name));
    return;
  }
  if (!existing) notFound(path, path.name);
  const body = await readBody(req);
  let next: any;
  if (method === 'PUT') {
    if (
      body?.metadata?.resourceVersion &&
      body.metadata.resourceVersion !== existing.metadata.resourceVersion
    ) {
      fail(
        409,
        `Operation cannot be fulfilled on ${path.type.plural}${
          path.type.group ? `.${path.type.group}` : ''
        } "${
          path.name
        }": the object has been modified; please apply your changes to the latest version and try again`,
        {
          reason: 'Conflict',
          details: {
            name: path.name,
            group: path.type.group,
            kind: path.type.plural,
          },
        },
      );
    }
    next = body;
  } else if (method === 'PATCH') {
    const contentType = (req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    // Custom resources have no strategic merge: the API server refuses it.
    const strategic = !path.type.crd;
    if (contentType === 'application/json-patch+json')
      next = jsonPatch(existing, body);
    else if (
      contentType === 'application/merge-patch+json' ||
      (strategic && contentType === 'application/strategic-merge-patch+json')
    ) {
      next = mergePatch(existing, body);
    } else {
      fail(
        415,
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json${
          strategic ? ', application/strategic-merge-patch+json' : ''
        }`,
      );
    }
  } else {
    fail(
      405,
      'the server does not allow this method on the requested resource',
    );
  }
  if (path.subresource === 'status')
    next = { ...existing, status: next.status };
  else if (path.type.crd && path.subresource === undefined)
    next = { ...next, status: existing.status };
  next.metadata = {
    ...next.metadata,
    name: path.name,
    namespace: path.namespace,
  };
  const object = prepare(path, next, ctx);
  send(res, 200, store.put(object));
}

/** The HTTP handler of the simulated API server. */
export function createRequestHandler(ctx: RequestContext) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (ctx.serveDownload?.(req, res, url.pathname)) return;
    const info = requestInfo(req.method, url);
    const { identity, authenticated } = identify(
      req.headers.authorization,
      ctx.identities,
    );
    // Logged as the answer starts, so a client that has its answer finds it
    // in the log; or, when the client went away first, with 499.
    let logged = false;
    const record = (code: number) => {
      if (logged) return;
      logged = true;
      ctx.log.record(logEntry(identity, info, code));
    };
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => unknown;
    res.writeHead = ((code: number, ...rest: unknown[]) => {
      record(code);
      return writeHead(code, ...rest);
    }) as typeof res.writeHead;
    res.once('close', () => record(res.headersSent ? res.statusCode : 499));
    try {
      if (UNAUTHENTICATED.has(url.pathname)) {
        if (url.pathname === '/version') {
          send(res, 200, {
            major: '1',
            minor: '31',
            gitVersion: 'v1.31.4',
            platform: 'linux/amd64',
          });
        } else {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end('ok');
        }
        return;
      }
      if (!authenticated) fail(401, 'Unauthorized');
      const request: FaultRequest = {
        identity,
        info,
        method: req.method ?? 'GET',
        url,
      };
      await ctx.faults.before(request, res);
      const registry = ctx.registry.without(ctx.faults.missingGroups());
      const segments = url.pathname
        .split('/')
        .filter(Boolean)
        .map(decodeURIComponent);
      if (req.method === 'GET') {
        const doc = discovery(registry, segments);
        if (doc) {
          send(res, 200, doc);
          return;
        }
      }
      await handleResource(
        req,
        res,
        url,
        parseResourcePath(registry, segments),
        ctx,
        request,
      );
    } catch (error) {
      if (error instanceof RequestGone) {
        res.destroy();
        return;
      }
      const body =
        error instanceof StatusError
          ? error.status
          : status(500, String((error as Error)?.message ?? error));
      if (!res.headersSent) send(res, body.code, body);
      else res.end();
    }
  };
}
