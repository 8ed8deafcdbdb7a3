export interface Config {
  app?: {
    /**
     * The sign-in buttons the app shows: `guest` for local development and
     * the demo, `github` in production (see app-config.production.yaml).
     * @visibility frontend
     */
    signInProviders?: Array<'guest' | 'github'>;
  };
}
