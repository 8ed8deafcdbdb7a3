import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readClusterConfigs, TOKEN_FILE_METADATA } from './ClusterConfig';

function read(
  clusters: object[],
  extra: object = {},
  production = false,
  methods: object[] = [],
) {
  return readClusterConfigs(
    new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [{ type: 'config', clusters }, ...methods],
      },
      ...extra,
    }),
    { production, logger: mockServices.logger.mock() },
  );
}

describe('readClusterConfigs', () => {
  it('reads config and localKubectlProxy locators as the Kubernetes plugin describes them', () => {
    expect(
      read(
        [
          {
            name: 'a',
            url: 'https://a',
            authProvider: 'serviceAccount',
            serviceAccountToken: 't',
            caData: 'ca',
          },
          { name: 'in-cluster', url: 'https://kubernetes.default.svc' },
          { name: 'eks', url: 'https://eks', authProvider: 'aws' },
        ],
        {},
        false,
        [{ type: 'localKubectlProxy' }],
      ),
    ).toEqual([
      {
        name: 'a',
        title: undefined,
        url: 'https://a',
        authMetadata: {
          'kubernetes.io/auth-provider': 'serviceAccount',
          serviceAccountToken: 't',
        },
        caData: 'ca',
        caFile: undefined,
        skipTLSVerify: false,
      },
      expect.objectContaining({
        name: 'in-cluster',
        authMetadata: { 'kubernetes.io/auth-provider': 'serviceAccount' },
      }),
      expect.objectContaining({
        name: 'eks',
        authMetadata: { 'kubernetes.io/auth-provider': 'aws' },
      }),
      {
        name: 'local',
        url: 'http://127.0.0.1:8001',
        authMetadata: { 'kubernetes.io/auth-provider': 'localKubectlProxy' },
        skipTLSVerify: true,
      },
    ]);
  });

  it("uses the plugin's own token, not the Kubernetes plugin's service account", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backups-token-'));
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'projected');
    const [withToken, withFile] = read(
      [
        {
          name: 'a',
          url: 'https://a',
          serviceAccountToken: 'kubernetes-plugin',
        },
        { name: 'b', url: 'https://b', authProvider: 'oidc' },
      ],
      {
        backups: {
          kubernetes: {
            credentials: [
              { cluster: 'a', serviceAccountToken: 'backups-only' },
              { cluster: 'b', serviceAccountTokenFile: tokenFile },
            ],
          },
        },
      },
    );
    expect(withToken.authMetadata.serviceAccountToken).toBe('backups-only');
    // An own token also makes a user-token provider usable.
    expect(withFile.authMetadata).toEqual({
      'kubernetes.io/auth-provider': 'serviceAccount',
      [TOKEN_FILE_METADATA]: tokenFile,
    });
  });

  it.each([
    [[{ name: 'a' }], {}, false, /cluster "a" .* has no url/],
    [[{ name: 'a', url: 'ftp://a' }], {}, false, /is not http\(s\)/],
    [
      [{ name: 'a', url: 'https://a', authProvider: 'google' }],
      {},
      false,
      /cluster "a" .* uses authProvider "google", which needs each user's own token/,
    ],
    [
      [{ name: 'a', url: 'https://a', authProvider: 'oidc' }],
      {},
      false,
      /authProvider "oidc"/,
    ],
    [
      [{ name: 'a', url: 'https://a', caFile: '/nonexistent/ca.crt' }],
      {},
      false,
      /cluster "a" .* has a caFile that cannot be read: \/nonexistent\/ca.crt/,
    ],
    [
      [{ name: 'a', url: 'https://kube.example:6443', skipTLSVerify: true }],
      {},
      true,
      /cluster "a" .* sets skipTLSVerify in production/,
    ],
    [
      [{ name: 'a', url: 'https://a' }],
      {
        backups: {
          kubernetes: {
            credentials: [{ cluster: 'nope', serviceAccountToken: 't' }],
          },
        },
      },
      false,
      /cluster "nope" .* named in backups.kubernetes.credentials but not configured/,
    ],
    [
      [{ name: 'a', url: 'https://a' }],
      { backups: { kubernetes: { credentials: [{ cluster: 'a' }] } } },
      false,
      /neither or both/,
    ],
    [
      [{ name: 'a', url: 'https://a' }],
      {
        backups: {
          kubernetes: {
            credentials: [
              { cluster: 'a', serviceAccountTokenFile: '/nonexistent/token' },
            ],
          },
        },
      },
      false,
      /serviceAccountTokenFile that cannot be read/,
    ],
  ])('refuses to start with %j', (clusters, extra, production, message) => {
    expect(() => read(clusters, extra, production)).toThrow(message);
  });

  it('allows skipTLSVerify in production only for a loopback address (kubectl proxy, the simulator)', () => {
    expect(
      read(
        [{ name: 'sim', url: 'http://127.0.0.1:8001', skipTLSVerify: true }],
        {},
        true,
      ),
    ).toHaveLength(1);
  });

  it('refuses a cluster locator type it cannot read', () => {
    expect(() =>
      read([], {}, false, [{ type: 'gke', projectId: 'x' }]),
    ).toThrow(/locator type "gke" is not supported/);
  });
});
