import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import type { Config } from '@backstage/config';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * The configuration the image loads (app-config.yaml, then
 * app-config.production.yaml), with the given environment. Every lookup is
 * recorded, so that secrets can be shown to come from the environment.
 */
async function productionConfig(env: Record<string, string> = {}) {
  const looked: string[] = [];
  const substitutionFunc = async (name: string) => {
    looked.push(name);
    return env[name];
  };
  const source = ConfigSources.merge(
    ['app-config.yaml', 'app-config.production.yaml'].map(file =>
      FileConfigSource.create({
        path: path.join(ROOT, file),
        substitutionFunc,
        watch: false,
      }),
    ),
  );
  const config = await ConfigSources.toConfig(source);
  config.close();
  return { config: config as Config, looked };
}

describe('the production configuration', () => {
  it('has no token, password or secret with a committed value or default', async () => {
    const { config } = await productionConfig();
    for (const key of [
      'backend.auth.externalAccess',
      'backend.database.connection',
      'auth.providers.github.production.clientSecret',
      'backups.kubernetes.credentials',
      'integrations.github',
    ]) {
      const value = config.getOptional(key);
      const text = JSON.stringify(value ?? null);
      // With an empty environment no secret value is left.
      expect(text).not.toMatch(
        /token"\s*:\s*"|password"|clientSecret"|serviceAccountToken"\s*:/i,
      );
    }
    const clusters = config
      .getConfigArray('kubernetes.clusterLocatorMethods')
      .flatMap(m => m.getOptionalConfigArray('clusters') ?? []);
    for (const cluster of clusters)
      expect(cluster.getOptionalString('serviceAccountToken')).toBeUndefined();
  });

  it('takes every secret from the environment', async () => {
    const { config, looked } = await productionConfig({
      BACKUPS_API_TOKEN: 'from-env-0123456789',
      BACKUPS_KUBE_TOKEN: 'kube-from-env',
      AUTH_GITHUB_CLIENT_SECRET: 'gh-secret',
    });
    expect(looked).toEqual(
      expect.arrayContaining([
        'BACKUPS_API_TOKEN',
        'BACKUPS_KUBE_TOKEN',
        'POSTGRES_PASSWORD',
        'AUTH_GITHUB_CLIENT_ID',
        'AUTH_GITHUB_CLIENT_SECRET',
        'KUBE_API_URL',
        'KUBE_CA_DATA',
      ]),
    );
    expect(
      config
        .getConfigArray('backend.auth.externalAccess')[0]
        .getString('options.token'),
    ).toBe('from-env-0123456789');
  });

  it('limits static tokens to reading backup overviews', async () => {
    const { config } = await productionConfig({
      BACKUPS_API_TOKEN: 'x'.repeat(24),
    });
    const access = config.getConfigArray('backend.auth.externalAccess');
    expect(access.length).toBeGreaterThan(0);
    for (const entry of access) {
      expect(entry.get('accessRestrictions')).toEqual([
        { plugin: 'backups', permission: 'backups.overview.read' },
      ]);
    }
  });

  it('signs in with GitHub through a documented resolver, never as a guest', async () => {
    const { config } = await productionConfig();
    expect(config.getString('auth.environment')).toBe('production');
    expect(
      config.get('auth.providers.github.production.signIn.resolvers'),
    ).toEqual([{ resolver: 'usernameMatchingUserEntityName' }]);
    expect(
      config.getOptionalBoolean(
        'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
      ),
    ).toBeUndefined();
    expect(config.getStringArray('app.signInProviders')).toEqual(['github']);
    expect(config.getBoolean('permission.enabled')).toBe(true);
  });

  it('verifies TLS to its clusters and stores data in PostgreSQL', async () => {
    const { config } = await productionConfig({ KUBE_CA_DATA: 'Y2E=' });
    const clusters = config
      .getConfigArray('kubernetes.clusterLocatorMethods')
      .flatMap(m => m.getOptionalConfigArray('clusters') ?? []);
    expect(clusters.length).toBeGreaterThan(0);
    for (const cluster of clusters) {
      expect(cluster.getOptionalBoolean('skipTLSVerify') ?? false).toBe(false);
      expect(cluster.getString('caData')).toBe('Y2E=');
    }
    expect(config.getString('backend.database.client')).toBe('pg');
  });

  it("proposes to the GitOps repository from the environment, not the demo's", async () => {
    const { config } = await productionConfig({
      BACKUPS_GITOPS_REPOSITORY: 'https://git.example.com/platform/gitops.git',
    });
    expect(config.getString('backups.scaffolder.gitops.repository')).toBe(
      'https://git.example.com/platform/gitops.git',
    );
    expect(config.getString('backups.scaffolder.gitops.branch')).toBe('main');
  });
});
