export interface Config {
  backups?: {
    /**
     * How often the Backups tab refreshes itself, in seconds. 0 turns it off.
     * @visibility frontend
     */
    refreshIntervalSeconds?: number;
  };
}
