import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { KubeSimulator } from '@internal/kube-simulator';
import backupsPlugin from '@internal/plugin-backups-backend';
import backupsPolicy from '@internal/plugin-permission-backend-module-backups-policy';
import {
  backupsReadPermission,
  backupsRestoreCreatePermission,
} from '@internal/plugin-backups-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';

/**
 * backend.database for each platform: the PostgreSQL the test command
 * started (scripts/postgres.sh), one database per plugin under a fresh
 * prefix, and SQLite in memory.
 */
function databases(): Array<[string, object]> {
  const postgres = Object.entries(process.env)
    .filter(([k]) =>
      /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
    )
    .map(([k, connection]): [string, object] => [
      k.replace(/^BACKSTAGE_TEST_DATABASE_|_CONNECTION_STRING$/g, ''),
      {
        client: 'pg',
        connection,
        prefix: `backups_it_${process.pid}_${Date.now()}_`,
        // No idle connections left behind to keep the jest worker alive.
        knexConfig: { pool: { min: 0, idleTimeoutMillis: 200 } },
      },
    ]);
  if (process.env.BACKUPS_REQUIRE_POSTGRES === '1' && postgres.length === 0)
    throw new Error(
      'BACKUPS_REQUIRE_POSTGRES is set, but no PostgreSQL was started',
    );
  return [
    ...postgres,
    ['SQLITE', { client: 'better-sqlite3', connection: ':memory:' }],
  ];
}
const STATIC_TOKEN = 'integration-backups-reader-0123456789';

function entitiesFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backups-catalog-'));
  const file = path.join(dir, 'entities.yaml');
  const component = (name: string, owner: string) => `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    backstage.io/kubernetes-namespace: business-system
    backstage.io/kubernetes-label-selector: app.kubernetes.io/name=odoo
spec: { type: service, lifecycle: production, owner: ${owner} }
`;
  fs.writeFileSync(
    file,
    [
      component('odoo', 'user:development/guest'),
      component('crm', 'group:default/crm-team'),
    ].join('---'),
  );
  return file;
}

describe.each(databases())('security, end to end on %s', (_name, database) => {
  let simulator: Awaited<ReturnType<typeof KubeSimulator.start>>;
  let server: Parameters<typeof request>[0];
  let stop: () => Promise<void>;
  let guest: string;

  beforeAll(async () => {
    simulator = await KubeSimulator.start({ port: 0, scenario: 'healthy' });
    const backend = await startTestBackend({
      features: [
        databaseServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: {
              baseUrl: 'http://localhost:0',
              database,
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: {
                      token: STATIC_TOKEN,
                      subject: 'backups-api-reader',
                    },
                    accessRestrictions: [
                      {
                        plugin: 'backups',
                        permission: 'backups.overview.read',
                      },
                    ],
                  },
                ],
              },
            },
            auth: {
              providers: {
                guest: { dangerouslyAllowOutsideDevelopment: true },
              },
            },
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Component'] }],
              locations: [{ type: 'file', target: entitiesFile() }],
            },
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
          },
        }),
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
        userInfoServiceFactory,
        authPlugin,
        guestProvider,
        catalogPlugin,
        permissionPlugin,
        backupsPolicy,
        backupsPlugin,
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    const refresh = await request(server).get('/api/auth/guest/refresh');
    guest = `Bearer ${refresh.body.backstageIdentity.token}`;
    // The catalog ingests the file location shortly after start.
    for (let i = 0; i < 120; i++) {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/component/default/crm')
        .set('authorization', guest);
      if (res.status === 200) break;
      await new Promise(r => setTimeout(r, 250));
    }
  }, 60_000);

  afterAll(async () => {
    await stop?.();
    await simulator?.stop();
  });

  const overview = (name: string) =>
    `/api/backups/v1/entities/default/component/${name}/overview`;

  async function decide(permission: object, resourceRef: string, auth: string) {
    const res = await request(server)
      .post('/api/permission/authorize')
      .set('authorization', auth)
      .send({ items: [{ id: '1', permission, resourceRef }] });
    return res.body.items?.[0]?.result ?? `HTTP ${res.status}`;
  }

  it('lets a signed-in user read the backups of an entity they can read', async () => {
    const res = await request(server)
      .get(overview('odoo'))
      .set('authorization', guest);
    expect(res.status).toBe(200);
    expect(res.body.clusters[0].tiers.length).toBeGreaterThan(0);
    expect(
      await decide(backupsReadPermission, 'component:default/crm', guest),
    ).toBe('ALLOW');
  });

  it('refuses callers without credentials', async () => {
    expect((await request(server).get(overview('odoo'))).status).toBe(401);
  });

  it("gives restores only to the entity's owner", async () => {
    expect(
      await decide(
        backupsRestoreCreatePermission,
        'component:default/odoo',
        guest,
      ),
    ).toBe('ALLOW');
    expect(
      await decide(
        backupsRestoreCreatePermission,
        'component:default/crm',
        guest,
      ),
    ).toBe('DENY');
  });

  it('limits the static token to reading backup overviews', async () => {
    const token = `Bearer ${STATIC_TOKEN}`;
    expect(
      (await request(server).get(overview('odoo')).set('authorization', token))
        .status,
    ).toBe(200);
    const catalog = await request(server)
      .get('/api/catalog/entities')
      .set('authorization', token);
    expect([401, 403]).toContain(catalog.status);
    expect(
      await decide(
        backupsRestoreCreatePermission,
        'component:default/odoo',
        token,
      ),
    ).not.toBe('ALLOW');
  });
});
