import { createKubeConfig } from './createKubeConfig';

describe('createKubeConfig', () => {
  it('sends a configured token and honours the TLS options', () => {
    const kc = createKubeConfig({
      name: 'a',
      url: 'https://a.example',
      authMetadata: { serviceAccountToken: 't' },
      caData: 'Y2E=',
      skipTLSVerify: false,
    });
    expect(kc.getCurrentCluster()).toMatchObject({
      name: 'a',
      server: 'https://a.example',
      caData: 'Y2E=',
      skipTLSVerify: false,
    });
    expect(kc.getCurrentUser()).toMatchObject({ token: 't' });
  });

  it("falls back to the pod's service account token file and CA", () => {
    const kc = createKubeConfig({
      name: 'in-cluster',
      url: 'https://kubernetes.default.svc',
      authMetadata: { 'kubernetes.io/auth-provider': 'serviceAccount' },
    });
    expect(kc.getCurrentCluster()?.caFile).toBe(
      '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
    );
    expect(kc.getCurrentUser()?.authProvider).toEqual({
      name: 'tokenFile',
      config: {
        tokenFile: '/var/run/secrets/kubernetes.io/serviceaccount/token',
      },
    });
  });

  it('sends no credentials to kubectl proxy', () => {
    const kc = createKubeConfig({
      name: 'local',
      url: 'http://127.0.0.1:8001',
      authMetadata: { 'kubernetes.io/auth-provider': 'localKubectlProxy' },
      skipTLSVerify: true,
    });
    expect(kc.getCurrentUser()).toEqual({ name: 'backstage' });
    expect(kc.getCurrentCluster()?.skipTLSVerify).toBe(true);
  });

  it("re-reads the plugin's own token file, without the pod's CA", () => {
    const kc = createKubeConfig({
      name: 'own',
      url: 'https://a.example',
      authMetadata: {
        'kubernetes.io/auth-provider': 'serviceAccount',
        'backups.backstage.io/token-file': '/var/run/secrets/backups/token',
      },
      caData: 'Y2E=',
    });
    expect(kc.getCurrentUser()?.authProvider).toEqual({
      name: 'tokenFile',
      config: { tokenFile: '/var/run/secrets/backups/token' },
    });
    expect(kc.getCurrentCluster()?.caFile).toBeUndefined();
  });

  it('sends nothing itself for cloud providers, whose tokens come per request', () => {
    const kc = createKubeConfig({
      name: 'eks',
      url: 'https://eks.example',
      authMetadata: { 'kubernetes.io/auth-provider': 'aws' },
    });
    expect(kc.getCurrentUser()).toEqual({ name: 'backstage' });
  });
});
