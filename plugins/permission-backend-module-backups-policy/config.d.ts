export interface Config {
  backups?: {
    permissions?: {
      /**
       * Group entity refs (e.g. "group:default/platform-admins") whose members
       * may do everything, including restores of any entity and the
       * Kubernetes proxy. Members are read from the user's ownership claims.
       * @visibility backend
       */
      adminGroups?: string[];
    };
  };
}
