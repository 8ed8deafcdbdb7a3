/**
 * The environment every git process of the demo runs with: PATH only from the
 * caller's, no system or global git config, and a fixed identity, so the
 * machine's settings never change what the demo repository holds.
 */
export function gitEnv(home: string, extra: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'gitops-demo',
    GIT_AUTHOR_EMAIL: 'gitops-demo@127.0.0.1',
    GIT_COMMITTER_NAME: 'gitops-demo',
    GIT_COMMITTER_EMAIL: 'gitops-demo@127.0.0.1',
    ...extra,
  };
}
