import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubeSimulator } from '@internal/kube-simulator';
import request from 'supertest';
import corpus from './__fixtures__/bad-inputs/overview.json';
import { backupsPlugin } from './plugin';

/** Oversize values are written as placeholders in the corpus. */
const PLACEHOLDERS: Record<string, string> = {
  LONGNAME: 'a'.repeat(254),
  LONGKIND: 'k'.repeat(64),
  LONGNAMESPACE: 'n'.repeat(254),
  LONG63: 'b'.repeat(64),
  LONGSELECTOR: Array.from({ length: 700 }, (_, i) => `k${i}=v`).join(','),
  LONGLIST: Array.from({ length: 900 }, (_, i) => `s${i}`).join(','),
};
const expand = (text: string) =>
  text.replace(/LONG[A-Z0-9]+/g, p => PLACEHOLDERS[p] ?? p);

const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection'];

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: Object.fromEntries(
        Object.entries(annotations).map(([k, v]) => [k, expand(v)]),
      ),
    },
    spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
  };
}

describe('bad input to the overview: refused, named, and nothing written', () => {
  let simulator: Awaited<ReturnType<typeof KubeSimulator.start>>;
  let server: Parameters<typeof request>[0];

  beforeAll(async () => {
    simulator = await KubeSimulator.start({ port: 0, scenario: 'healthy' });
    const backend = await startTestBackend({
      features: [
        backupsPlugin,
        catalogServiceMock.factory({
          entities: corpus.annotations.map((c, i) =>
            entity(`case-${i}`, c.annotations as Record<string, string>),
          ),
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'sim',
                      url: simulator.url,
                      serviceAccountToken: simulator.token,
                      skipTLSVerify: true,
                    },
                  ],
                },
              ],
            },
            // Per-request reads, so that the request log shows which bad
            // inputs reached the cluster (the cache reads it on its own).
            backups: { cache: { enabled: false } },
          },
        }),
      ],
    });
    server = backend.server;
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it.each(corpus.paths)('$path answers $status naming $names', async c => {
    const res = await request(server)
      .get(`/api/backups${expand(c.path)}`)
      .set('authorization', mockCredentialsHeader());
    expect(res.status).toBe(c.status);
    expect(JSON.stringify(res.body.error)).toContain(c.names);
  });

  it.each(corpus.annotations.map((c, i) => ({ ...c, i })))(
    'annotation case $i is a NotConfigured error naming $names',
    async c => {
      simulator.clearRequestLog();
      const res = await request(server)
        .get(`/api/backups/v1/entities/default/component/case-${c.i}/overview`)
        .set('authorization', mockCredentialsHeader());
      expect(res.status).toBe(200);
      expect(res.body.status).not.toBe('healthy');
      const errors = [
        ...res.body.errors,
        ...res.body.clusters.flatMap((cl: any) => cl.errors),
      ];
      expect(errors).toContainEqual(
        expect.objectContaining({
          reason: 'NotConfigured',
          message: expect.stringContaining(c.names),
        }),
      );
      // A malformed annotation reaches no cluster at all; an ignored RPO
      // entry leaves the rest of the overview to be read.
      expect(simulator.requestLog().length > 0).toBe(Boolean(c.reads));
    },
  );

  it('wrote nothing to the cluster', () => {
    expect(simulator.requestLog().filter(r => WRITES.includes(r.verb))).toEqual(
      [],
    );
  });
});

function mockCredentialsHeader() {
  return 'Bearer mock-user-token:{"sub":"user:default/alice"}';
}
