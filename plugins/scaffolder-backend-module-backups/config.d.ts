export interface Config {
  backups?: {
    scaffolder?: {
      /**
       * Defaults of backups:velero:generate; inputs win, the seed's values apply last.
       * @visibility backend
       */
      velero?: {
        /** @visibility backend */
        schedule?: string;
        /** @visibility backend */
        ttl?: string;
        /** @visibility backend */
        includedResources?: string[];
        /** @visibility backend */
        veleroNamespace?: string;
        /** @visibility backend */
        storageLocation?: string;
        /** @visibility backend */
        bucket?: string;
        /** @visibility backend */
        provider?: string;
        /** @visibility backend */
        snapshotLocation?: string;
        /** @visibility backend */
        snapshotProvider?: string;
        /** @visibility backend */
        secretStoreKind?: string;
        /** @visibility backend */
        secretStoreName?: string;
        /** @visibility backend */
        secretKey?: string;
        /** @visibility backend */
        veleroVersion?: string;
        /** @visibility backend */
        gcpPluginVersion?: string;
        /** @visibility backend */
        chartVersion?: string;
        /** @visibility backend */
        chartUrl?: string;
        /** @visibility backend */
        basePath?: string;
        /** @visibility backend */
        overlayKustomization?: string;
        /** @visibility backend */
        fluxSourceKind?: string;
        /** @visibility backend */
        fluxSourceName?: string;
        /** @visibility backend */
        fluxSourceRoot?: string;
        /** @visibility backend */
        fluxDependsOn?: string[];
        /** @visibility backend */
        hookVolumes?: string;
      };
      /**
       * The GitOps repository the templates check out and propose changes to, by
       * default. Frontend-visible so that a form can show it; the actions use it to
       * allow its host (besides the integrations' hosts) and as the default branch.
       * @visibility frontend
       */
      gitops?: {
        /**
         * Clone URL (http or https, no credentials), e.g. http://127.0.0.1:8002/odoo-gitops.git.
         * @visibility frontend
         */
        repository?: string;
        /**
         * The branch checked out and proposed onto, e.g. main.
         * @visibility frontend
         */
        branch?: string;
      };
    };
  };
}
