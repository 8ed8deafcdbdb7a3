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
      /** Time allowed for each request to a cluster, in ms. Default 10000. @visibility backend */
      timeoutMs?: number;
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
