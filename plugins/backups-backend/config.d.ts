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
    /**
     * The watch-fed cache of cluster state: each kind the overview reads is
     * listed once, then kept current by a watch, so that an overview costs the
     * API servers no request. Durations are milliseconds or Backstage
     * durations ("2m", { minutes: 2 }).
     */
    cache?: {
      /** Off: every overview LISTs what it reads. Default true. @visibility backend */
      enabled?: boolean;
      /**
       * Data whose watch (or poll) has been broken longer than this is
       * `unknown` (Stale), never shown as current. Default 2m.
       * @visibility backend
       */
      staleAfter?: number | string | HumanDuration;
      /** The longest a request waits for kinds still loading (then Pending). Default 5s. @visibility backend */
      warmupTimeout?: number | string | HumanDuration;
      /**
       * LIST interval where watch is forbidden or a kind is not served yet;
       * shorter than staleAfter. Default 30s.
       * @visibility backend
       */
      pollInterval?: number | string | HumanDuration;
      /** Asked of the API server on each watch, which then ends and is renewed. Default 5m. @visibility backend */
      watchTimeout?: number | string | HumanDuration;
      /** First delay after a failed list or watch, doubled up to retryMax. Default 1s. @visibility backend */
      retryInitial?: number | string | HumanDuration;
      /** @visibility backend */
      retryMax?: number | string | HumanDuration;
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
    restores?: {
      /**
       * Where a restore may go besides in place; `{namespace}` is the entity's
       * namespace. Default ["{namespace}-restore"].
       * @visibility backend
       */
      targetNamespaces?: string[];
      /** Namespaces never restored into, besides kube-*, default, flux-system and Velero's. @visibility backend */
      forbiddenNamespaces?: string[];
      /**
       * A Namespace annotation naming the owning group (e.g.
       * group:default/erp-team), accepted instead of the label
       * backstage.io/kubernetes-id. Default "backups.backstage.io/owner".
       * @visibility backend
       */
      namespaceOwnerAnnotation?: string;
      /** How long a plan stays valid. Default 15m. @visibility backend */
      planTtl?: string | HumanDuration;
      /** After this, suspended Flux objects are resumed even if a restore has not ended. Default 2h. @visibility backend */
      timeout?: string | HumanDuration;
      /** Largest log or resource list fetched through a DownloadRequest, in bytes. Default 2 MiB. @visibility backend */
      maxDownloadBytes?: number;
    };
    /**
     * The history task: on one replica at a time, it records each covered
     * entity's tiers (status, RPO actual and target) and tells the entity's
     * owners when its status worsens or recovers.
     */
    history?: {
      /** Off: nothing is recorded and no status notification is sent. Default true. @visibility backend */
      enabled?: boolean;
      /** How often every entity is evaluated. Default 15m. @visibility backend */
      interval?: string | HumanDuration;
      /** The wait before the first evaluation after start. Default 1m. @visibility backend */
      initialDelay?: string | HumanDuration;
      /** Records older than this are pruned. Default 90 days. @visibility backend */
      retention?: string | HumanDuration;
    };
    /**
     * Restore drills: restoring the newest recovery point into an isolated
     * place, checking it came up, measuring it, and cleaning up. Each
     * entity's `backups.backstage.io/drill-policy` annotation overrides
     * these defaults.
     */
    drills?: {
      /** Off: no drill API, no scheduled drills, no janitor. Default true. @visibility backend */
      enabled?: boolean;
      /** A 5-field cron (UTC) on which every entity's tiers are drilled; absent: on demand only. @visibility backend */
      schedule?: string;
      /** The tier kinds drilled by default: velero, cnpg, volsync. Default all three. @visibility backend */
      tiers?: string[];
      /** How long a drill may take to come up before it fails. Default 30m. @visibility backend */
      timeLimit?: string | HumanDuration;
      /** Drills running at once per cluster; more wait, queued. Default 1. @visibility backend */
      concurrency?: number;
      /** Drill records older than this are deleted. Default 365 days. @visibility backend */
      retention?: string | HumanDuration;
      /** Deployments and StatefulSets a Velero drill keeps at their replicas (all others: 0). Default none. @visibility backend */
      keepRunning?: string[];
      /** A tier drilled on a schedule with no passed drill within this is a warning. Default 30 days. @visibility backend */
      window?: string | HumanDuration;
      /** How often running drills are advanced. Default 10s. @visibility backend */
      interval?: string | HumanDuration;
      /** How long after a drill's time limit the janitor deletes what it left. Default 15m. @visibility backend */
      cleanupGrace?: string | HumanDuration;
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
