import { http, HttpResponse, delay } from 'msw';
import { createKubeConfig } from '../../cluster/createKubeConfig';
import { ListingClusterState } from '../../cluster/ListingClusterState';
import { EntityTarget } from '../../snapshot/ClusterSnapshot';
import {
  matchesLabelSelector,
  parseLabelSelector,
} from '@internal/plugin-backups-common';

export const CLUSTER_URL = 'https://fake-cluster.test';

type Item = {
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  [k: string]: unknown;
};

/**
 * An msw fake API server for LISTs: serves items per path, honours `limit`
 * and `continue`, and records every request so tests can see the paging.
 */
export function fakeCluster(
  lists: Record<string, Item[]>,
  failures: Record<string, { status: number; delayMs?: number }> = {},
) {
  const requests: URL[] = [];
  const handler = http.get(`${CLUSTER_URL}/*`, async ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    if (request.headers.get('authorization') !== 'Bearer test-token') {
      return HttpResponse.json(
        { kind: 'Status', code: 401, message: 'Unauthorized' },
        { status: 401 },
      );
    }
    const failure = failures[url.pathname];
    if (failure?.delayMs) await delay(failure.delayMs);
    if (failure) {
      return HttpResponse.json(
        {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          code: failure.status,
          message: `fake failure ${failure.status}`,
        },
        { status: failure.status },
      );
    }
    const items = lists[url.pathname];
    if (!items) {
      return HttpResponse.json(
        {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          code: 404,
          reason: 'NotFound',
          message: 'the server could not find the requested resource',
        },
        { status: 404 },
      );
    }
    const selector = url.searchParams.get('labelSelector');
    const field = url.searchParams.get('fieldSelector');
    const matching = items.filter(
      i =>
        matchesLabelSelector(
          parseLabelSelector(selector ?? undefined),
          i.metadata.labels,
        ) &&
        (!field || i.metadata.name === field.replace('metadata.name=', '')),
    );
    const start = Number(url.searchParams.get('continue') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? matching.length);
    const page = matching.slice(start, start + limit);
    const next =
      start + limit < matching.length ? String(start + limit) : undefined;
    return HttpResponse.json({
      kind: 'List',
      apiVersion: 'v1',
      metadata: { continue: next },
      items: page,
    });
  });
  return { handler, requests };
}

export function fakeClusterState(
  options: { pageSize?: number; timeoutMs?: number } = {},
) {
  return ListingClusterState.create({
    clusterName: 'fake',
    kubeConfig: createKubeConfig({
      name: 'fake',
      url: CLUSTER_URL,
      authMetadata: { serviceAccountToken: 'test-token' },
    }),
    pageSize: options.pageSize ?? 2,
    timeoutMs: options.timeoutMs,
  });
}

export const target: EntityTarget = {
  cluster: 'fake',
  namespace: 'business-system',
  labelSelector: parseLabelSelector('app.kubernetes.io/name=odoo'),
  pinned: {},
};

export function item(
  name: string,
  namespace: string | undefined,
  body: Record<string, unknown> = {},
  labels?: Record<string, string>,
): Item {
  return {
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(labels ? { labels } : {}),
    },
    ...body,
  };
}
