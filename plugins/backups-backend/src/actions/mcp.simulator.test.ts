import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { KubeSimulator } from '@internal/kube-simulator';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { AddressInfo } from 'node:net';
import { backupsPlugin } from '../plugin';

const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'odoo',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-namespace': 'business-system',
      'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=odoo',
    },
  },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

describe('the backups actions through MCP', () => {
  let simulator: Awaited<ReturnType<typeof KubeSimulator.start>>;
  let client: Client;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    simulator = await KubeSimulator.start({ port: 0, scenario: 'healthy' });
    const backend = await startTestBackend({
      features: [
        backupsPlugin,
        mcpActionsPlugin,
        catalogServiceMock.factory({ entities: [odoo] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['backups'] } },
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
      ],
    });
    stop = () => backend.stop();
    const { port } = backend.server.address() as AddressInfo;
    client = new Client({ name: 'backups-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`http://localhost:${port}/api/mcp-actions/v1`),
        {
          requestInit: {
            headers: { Authorization: mockCredentials.user.header() },
          },
        },
      ),
    );
  });

  afterAll(async () => {
    await client?.close();
    await stop?.();
    await simulator?.stop();
  });

  it('lists the read-only actions with their attributes', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map(t => [t.name, t]));
    const status = [...byName.values()].find(t =>
      t.name.endsWith('get-backup-status'),
    );
    const plan = [...byName.values()].find(t =>
      t.name.endsWith('plan-restore'),
    );
    const request = [...byName.values()].find(t =>
      t.name.endsWith('request-restore'),
    );
    expect(status?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
    });
    expect(plan?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
    });
    expect(request?.annotations).toMatchObject({ destructiveHint: true });
  });

  it("calls get-backup-status and gets the entity's tiers", async () => {
    const { tools } = await client.listTools();
    const name = tools.find(t => t.name.endsWith('get-backup-status'))!.name;
    const result = await client.callTool({
      name,
      arguments: { entityRef: 'component:default/odoo' },
    });
    expect(result.isError).toBeFalsy();
    const text = (result.content as Array<{ type: string; text: string }>)[0]
      .text;
    const output = JSON.parse(text.slice(text.indexOf('{')));
    expect(output.status).toBe('healthy');
    expect(output.tiers.map((t: { kind: string }) => t.kind).sort()).toEqual([
      'cnpg',
      'velero',
      'volsync',
    ]);
  });

  it('refuses plan-restore input that is not an entity ref', async () => {
    const { tools } = await client.listTools();
    const name = tools.find(t => t.name.endsWith('plan-restore'))!.name;
    const result = await client.callTool({
      name,
      arguments: { entityRef: '::', backupName: 'x' },
    });
    expect(result.isError).toBe(true);
  });
});
