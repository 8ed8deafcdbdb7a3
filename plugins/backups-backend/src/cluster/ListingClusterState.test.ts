import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  fakeCluster,
  fakeClusterState,
  item,
} from '../readers/__testUtils__/fakeCluster';
import { createKubeConfig } from './createKubeConfig';
import {
  ClusterTimeoutError,
  ListingClusterState,
} from './ListingClusterState';
import { resources } from './resources';

const server = setupServer();
const SOURCES =
  '/apis/volsync.backube/v1alpha1/namespaces/ns/replicationsources';

describe('ListingClusterState', () => {
  registerMswTestHooks(server);

  it('pages with limit and continue, with selectors, and keeps only the used fields', async () => {
    const fake = fakeCluster({
      [SOURCES]: [1, 2, 3, 4, 5].map(i =>
        item(`rs-${i}`, 'ns', {
          spec: { sourcePVC: `pvc-${i}`, restic: { repository: 'repo' } },
          status: {
            latestMoverStatus: { result: 'Failed', logs: 'x'.repeat(5000) },
          },
        }),
      ),
    });
    server.use(fake.handler);
    const items = await fakeClusterState({ pageSize: 2 }).list(
      resources.replicationSources,
      { namespace: 'ns', labelSelector: '!skip' },
    );
    expect(items.map(i => i.metadata.name)).toEqual([
      'rs-1',
      'rs-2',
      'rs-3',
      'rs-4',
      'rs-5',
    ]);
    expect(
      fake.requests.map(r => [
        r.searchParams.get('limit'),
        r.searchParams.get('continue'),
        r.searchParams.get('labelSelector'),
      ]),
    ).toEqual([
      ['2', null, '!skip'],
      ['2', '2', '!skip'],
      ['2', '4', '!skip'],
    ]);
    expect(items[0].spec).toEqual({
      sourcePVC: 'pvc-1',
      restic: { repository: 'repo' },
    });
    expect(items[0].status.latestMoverStatus.logs).toHaveLength(2000);
  });

  it('never returns a partial list when a later page fails', async () => {
    server.use(
      http.get(`https://fake-cluster.test${SOURCES}`, ({ request }) => {
        const token = new URL(request.url).searchParams.get('continue');
        if (token)
          return HttpResponse.json(
            { kind: 'Status', code: 500, message: 'etcd timeout' },
            { status: 500 },
          );
        return HttpResponse.json({
          items: [item('rs-1', 'ns'), item('rs-2', 'ns')],
          metadata: { continue: 'page-2' },
        });
      }),
    );
    await expect(
      fakeClusterState().list(resources.replicationSources, {
        namespace: 'ns',
      }),
    ).rejects.toMatchObject({ code: 500 });
  });

  it('drops what no reader uses', async () => {
    server.use(
      http.get('https://fake-cluster.test/*', () =>
        HttpResponse.json({
          items: [
            {
              metadata: {
                name: 'velero',
                namespace: 'velero',
                annotations: { huge: 'x' },
                managedFields: [{}],
              },
              spec: {
                replicas: 1,
                template: {
                  metadata: { labels: { app: 'velero' } },
                  spec: {
                    containers: [
                      {
                        name: 'velero',
                        image: 'velero/velero:v1.15.0',
                        args: ['server'],
                      },
                    ],
                  },
                },
              },
              status: {
                readyReplicas: 1,
                history: [{ chartName: 'a' }, { chartName: 'b' }],
              },
            },
          ],
          metadata: {},
        }),
      ),
    );
    const [deployment] = await fakeClusterState().list(resources.deployments, {
      namespace: 'velero',
    });
    expect(deployment).toEqual({
      metadata: { name: 'velero', namespace: 'velero' },
      // Of the pod template, only the image is kept: it tells Velero's version.
      spec: {
        replicas: 1,
        template: {
          spec: {
            containers: [{ name: 'velero', image: 'velero/velero:v1.15.0' }],
          },
        },
      },
      status: { readyReplicas: 1 },
    });
    const [release] = await fakeClusterState().list(resources.helmReleases);
    expect(release.status.history).toEqual([{ chartName: 'a' }]);
  });

  it('keeps the status code of a failure and aborts a request that takes too long', async () => {
    server.use(
      fakeCluster({}, { [SOURCES]: { status: 200, delayMs: 1000 } }).handler,
    );
    await expect(
      fakeClusterState({ timeoutMs: 50 }).list(resources.replicationSources, {
        namespace: 'ns',
      }),
    ).rejects.toBeInstanceOf(ClusterTimeoutError);
    await expect(
      fakeClusterState().list(resources.cnpgClusters, { namespace: 'ns' }),
    ).rejects.toMatchObject({ code: 404 });
  });

  it('stops at a repeated continue token instead of looping forever', async () => {
    let requests = 0;
    server.use(
      http.get(`https://fake-cluster.test${SOURCES}`, () => {
        requests++;
        return HttpResponse.json({
          items: [item(`rs-${requests}`, 'ns')],
          metadata: { continue: 'same-token' },
        });
      }),
    );
    await expect(
      fakeClusterState().list(resources.replicationSources, {
        namespace: 'ns',
      }),
    ).rejects.toThrow(/repeated a continue token/);
    expect(requests).toBe(2);
  });

  it('caps the pages of one LIST', async () => {
    server.use(
      http.get(`https://fake-cluster.test${SOURCES}`, ({ request }) => {
        const n = Number(
          new URL(request.url).searchParams.get('continue') ?? 0,
        );
        return HttpResponse.json({
          items: [item(`rs-${n}`, 'ns')],
          metadata: { continue: String(n + 1) },
        });
      }),
    );
    const state = ListingClusterState.create({
      clusterName: 'fake',
      kubeConfig: createKubeConfig({
        name: 'fake',
        url: 'https://fake-cluster.test',
        authMetadata: { serviceAccountToken: 'test-token' },
      }),
      maxPages: 5,
    });
    await expect(
      state.list(resources.replicationSources, { namespace: 'ns' }),
    ).rejects.toThrow(/more than 5 pages/);
  });

  it("aborts pages still in flight when the request's deadline passes", async () => {
    server.use(
      fakeCluster({}, { [SOURCES]: { status: 200, delayMs: 5000 } }).handler,
    );
    await expect(
      fakeClusterState().list(resources.replicationSources, {
        namespace: 'ns',
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toBeInstanceOf(ClusterTimeoutError);
    // Were the deadline ignored, the 5 s page would outlast jest's timeout.
  });

  it('sends a bearer token fetched per request, for cloud auth providers', async () => {
    const seen: Array<string | null> = [];
    server.use(
      http.get(`https://eks.test${SOURCES}`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json({ items: [], metadata: {} });
      }),
    );
    let n = 0;
    const state = ListingClusterState.create({
      clusterName: 'eks',
      kubeConfig: createKubeConfig({
        name: 'eks',
        url: 'https://eks.test',
        authMetadata: { 'kubernetes.io/auth-provider': 'aws' },
      }),
      bearerToken: async () => `token-${++n}`,
    });
    await state.list(resources.replicationSources, { namespace: 'ns' });
    await state.list(resources.replicationSources, { namespace: 'ns' });
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});
