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
});
