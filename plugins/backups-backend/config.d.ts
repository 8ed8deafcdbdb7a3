import { HumanDuration } from '@backstage/types';

export interface Config {
  backups?: {
    velero?: {
      /**
       * Namespace Velero is installed in; its Schedules, Backups, Restores and
       * locations live there. Default "velero".
       * @visibility backend
       */
      namespace?: string;
      /** Name of the Velero server Deployment. Default "velero". @visibility backend */
      deploymentName?: string;
      /** Name of the node-agent DaemonSet. Default "node-agent". @visibility backend */
      nodeAgentName?: string;
    };
    kubernetes?: {
      /** Items per LIST page (`limit`). Default 500. @visibility backend */
      pageSize?: number;
      /** The deadline of one overview, in ms, carried by every LIST page. Default 10000. @visibility backend */
      timeoutMs?: number;
      /**
       * The plugin's own credentials per cluster of kubernetes.clusterLocatorMethods,
       * so that it does not share the Kubernetes plugin's service account.
       */
      credentials?: Array<{
        /** The cluster's name. @visibility backend */
        cluster: string;
        /** A service-account token. @visibility secret */
        serviceAccountToken?: string;
        /** A file holding one, re-read as it rotates. @visibility backend */
        serviceAccountTokenFile?: string;
      }>;
    };
    rpo?: {
      /**
       * Added to a schedule's interval to make its default RPO target: seconds,
       * or a duration such as "2h". Default 2h.
       * @visibility backend
       */
      grace?: number | string | HumanDuration;
      /** RPO target of continuous WAL archiving. Default 5m. @visibility backend */
      pitrTarget?: number | string | HumanDuration;
      /** RPO targets per tier kind, overriding the defaults. @visibility backend */
      targets?: {
        /** @visibility backend */
        cnpg?: number | string | HumanDuration;
        /** @visibility backend */
        velero?: number | string | HumanDuration;
        /** @visibility backend */
        volsync?: number | string | HumanDuration;
      };
    };
    flux?: {
      /**
       * How long a Flux object that deploys Velero may stay Ready=Unknown
       * (Progressing, as during every upgrade) before it is a finding.
       * Seconds, or a duration such as "15m". Default 15m.
       * @visibility backend
       */
      progressingGrace?: number | string | HumanDuration;
    };
  };
}
