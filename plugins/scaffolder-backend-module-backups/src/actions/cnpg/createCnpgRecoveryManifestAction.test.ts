import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { validateManifest } from '@internal/crd-schemas';
import { http, HttpResponse } from 'msw';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  APP_DIR,
  inTreeCluster,
  odooOverview,
  oldCluster,
  OVERVIEW_URL,
  overviewHandler,
  pluginCluster,
  WINDOW,
} from './__testUtils__/cnpgOverview';
import { cnpgActionHarness } from './__testUtils__/cnpgActionHarness';

const NEW = `${APP_DIR}/odoo-pg-pitr-202611301015.yaml`;
const odoo = {
  entityRef: 'component:default/odoo',
  namespace: 'business-system',
  cluster: 'odoo-pg',
  targetTime: '2026-11-30T10:15:00Z',
};

describe('backups:cnpg:recovery-manifest', () => {
  const { server, workspace, run } = cnpgActionHarness();

  const read = (path: string) => readFileSync(workspace.resolve(path), 'utf8');
  const written = (path = NEW) => parse(read(path));
  const exists = (path: string) => existsSync(workspace.resolve(path));

  it('recovers a Barman Cloud Plugin cluster into a new cluster archiving under its own serverName', async () => {
    const output = await run(odoo);
    expect(output).toEqual({
      path: NEW,
      name: 'odoo-pg-pitr-202611301015',
      window: WINDOW,
      targetTime: '2026-11-30T10:15:00Z',
    });
    const manifest = written();
    expect(manifest).toEqual({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: {
        name: 'odoo-pg-pitr-202611301015',
        namespace: 'business-system',
      },
      spec: {
        instances: 3,
        imageName: 'ghcr.io/cloudnative-pg/postgresql:17.2',
        storage: { size: '10Gi', storageClass: 'ceph-block' },
        bootstrap: {
          recovery: {
            source: 'odoo-pg',
            recoveryTarget: { targetTime: '2026-11-30T10:15:00Z' },
          },
        },
        externalClusters: [
          {
            name: 'odoo-pg',
            plugin: {
              name: 'barman-cloud.cloudnative-pg.io',
              parameters: {
                barmanObjectName: 'odoo-backups',
                serverName: 'odoo-pg',
              },
            },
          },
        ],
        plugins: [
          {
            name: 'barman-cloud.cloudnative-pg.io',
            isWALArchiver: true,
            parameters: {
              barmanObjectName: 'odoo-backups',
              serverName: 'odoo-pg-pitr-202611301015',
            },
          },
        ],
      },
    });
    expect(validateManifest(manifest)).toMatchObject({
      valid: true,
      schemaFound: true,
    });
    expect(read(`${APP_DIR}/kustomization.yaml`)).toBe(
      '# odoo\nresources:\n  - helmrelease.yaml\n  - postgres-cluster.yaml\n  - odoo-pg-pitr-202611301015.yaml\n',
    );
  });

  it('recovers an in-tree Barman cluster from its destinationPath and says which credentials to keep', async () => {
    server.use(overviewHandler(odooOverview([inTreeCluster, oldCluster])));
    await run(odoo);
    const text = read(NEW);
    const manifest = parse(text);
    expect(manifest.spec.externalClusters).toEqual([
      {
        name: 'odoo-pg',
        barmanObjectStore: {
          destinationPath: 'gs://hayden-odoo-backups/base',
          serverName: 'odoo-pg-v2',
        },
      },
    ]);
    expect(manifest.spec.backup).toEqual({
      barmanObjectStore: {
        destinationPath: 'gs://hayden-odoo-backups/base',
        serverName: 'odoo-pg-pitr-202611301015',
      },
    });
    expect(manifest.spec.plugins).toBeUndefined();
    expect(text.match(/googleCredentials/g)).toHaveLength(2);
    expect(text).toContain('targetTime: "2026-11-30T10:15:00Z"');
    expect(text).toContain(
      'Recoverability window when generated: 2026-11-23T02:06:14Z to 2026-11-30T11:55:00Z',
    );
    expect(validateManifest(manifest)).toMatchObject({
      valid: true,
      schemaFound: true,
    });
  });

  it.each([
    ['before the first base backup', '2026-11-23T02:06:13Z'],
    ['after the newest archived WAL', '2026-11-30T12:55:01+01:00'],
  ])(
    'refuses a time %s, giving the window in UTC, and writes nothing',
    async (side, targetTime) => {
      const before = workspace.content();
      const error = await run({ ...odoo, targetTime }).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(
        `targetTime: ${new Date(targetTime)
          .toISOString()
          .replace(
            '.000',
            '',
          )} is ${side}; the recoverability window of odoo-pg is 2026-11-23T02:06:14Z to 2026-11-30T11:55:00Z`,
      );
      expect(workspace.content()).toEqual(before);
    },
  );

  it('accepts both ends of the window and writes a time with an offset in UTC', async () => {
    expect((await run({ ...odoo, targetTime: WINDOW.from })).name).toBe(
      'odoo-pg-pitr-202611230206',
    );
    const output = await run({
      ...odoo,
      targetTime: '2026-11-30T12:55:00+01:00',
    });
    expect(output).toMatchObject({
      name: 'odoo-pg-pitr-202611301155',
      targetTime: WINDOW.to,
    });
    expect(written(output.path).spec.bootstrap.recovery.recoveryTarget).toEqual(
      { targetTime: WINDOW.to },
    );
  });

  it('writes in a dry run too, reading only the overview', async () => {
    const output = await run(odoo, true);
    expect(output.path).toBe(NEW);
    expect(exists(NEW)).toBe(true);
  });

  it('keeps a long name within 50 characters', async () => {
    const cluster = {
      ...pluginCluster,
      name: 'a-very-long-postgres-cluster-name-for-odoo-x',
    };
    server.use(overviewHandler(odooOverview([cluster])));
    const output = await run({
      ...odoo,
      cluster: cluster.name,
      storageSize: '10Gi',
    });
    expect(output.name).toBe(
      'a-very-long-postgres-cluster-nam-pitr-202611301015',
    );
    expect(output.name.length).toBeLessThanOrEqual(50);
  });

  it('takes the storage size given, and wants one when the source manifest is not found', async () => {
    const dir = 'kubernetes/apps/base/business-system/odoo-recovery';
    const error = await run({ ...odoo, targetPath: dir }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/storageSize: no manifest below/);
    const output = await run({
      ...odoo,
      targetPath: dir,
      storageSize: '40Gi',
    });
    expect(written(output.path).spec.storage).toEqual({ size: '40Gi' });
    expect(written(output.path).spec.imageName).toBeUndefined();
    expect(read(output.path)).toContain('set imageName');
  });

  it('fails with the schema errors when the manifest would not be a valid Cluster', async () => {
    workspace.addContent({
      [`${APP_DIR}/postgres-cluster.yaml`]:
        'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: odoo-pg\nspec:\n  storage:\n    size: 10Gi\n    sizeLimit: 20Gi\n',
    });
    const error = await run(odoo).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'The recovery Cluster odoo-pg-pitr-202611301015 does not match the CNPG Cluster schema: spec.storage.sizeLimit: unknown field',
    );
    expect(exists(NEW)).toBe(false);
  });

  it('refuses to replace an existing file', async () => {
    workspace.addContent({ [NEW]: 'kept' });
    await expect(run(odoo)).rejects.toThrow(ConflictError);
    expect(read(NEW)).toBe('kept');
  });

  it("passes on the backend's refusal", async () => {
    server.use(
      http.get(OVERVIEW_URL, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Not allowed to backups.read',
            },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(run(odoo)).rejects.toThrow(
      new NotAllowedError(
        'Reading the Backups overview of component:default/odoo was refused (403): Not allowed to backups.read',
      ),
    );
  });

  it('refuses a cluster whose window is unknown, with the reason', async () => {
    server.use(overviewHandler(odooOverview([pluginCluster], null)));
    await expect(run(odoo)).rejects.toThrow(
      'cluster: odoo-pg has no known recoverability window: No base backup is in the recovery window',
    );
  });
});
