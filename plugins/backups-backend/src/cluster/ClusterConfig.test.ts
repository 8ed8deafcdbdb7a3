import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readClusterConfigs } from './ClusterConfig';

describe('readClusterConfigs', () => {
  it('reads config and localKubectlProxy locators and skips the rest with a warning', () => {
    const logger = mockServices.logger.mock();
    const clusters = readClusterConfigs(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'a',
                  url: 'https://a',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 't',
                  caData: 'ca',
                  skipTLSVerify: false,
                },
                {
                  name: 'in-cluster',
                  url: 'https://kubernetes.default.svc',
                  authProvider: 'serviceAccount',
                },
              ],
            },
            { type: 'localKubectlProxy' },
            { type: 'gke', projectId: 'x' },
          ],
        },
      }),
      logger,
    );
    expect(clusters).toEqual([
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
      {
        name: 'in-cluster',
        title: undefined,
        url: 'https://kubernetes.default.svc',
        authMetadata: { 'kubernetes.io/auth-provider': 'serviceAccount' },
        caData: undefined,
        caFile: undefined,
        skipTLSVerify: false,
      },
      {
        name: 'local',
        url: 'http://127.0.0.1:8001',
        authMetadata: { 'kubernetes.io/auth-provider': 'localKubectlProxy' },
        skipTLSVerify: true,
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/"gke" is not supported/),
    );
  });
});
