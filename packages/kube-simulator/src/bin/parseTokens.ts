const NAME = /^[a-z0-9]([-a-z0-9.:]*[a-z0-9])?$/;

/**
 * Parses `--tokens backups=xxx,kubernetes=yyy` (or `KUBE_SIMULATOR_TOKENS`)
 * into identity name → bearer token. Empty text gives no identities.
 */
export function parseTokens(text: string): Record<string, string> {
  const tokens: Record<string, string> = {};
  const pairs = text
    .split(',')
    .map(p => p.trim())
    .filter(Boolean);
  pairs.forEach((pair, index) => {
    const at = pair.indexOf('=');
    const name = at > 0 ? pair.slice(0, at).trim() : '';
    const token = at > 0 ? pair.slice(at + 1).trim() : '';
    // The message never repeats the text: it may be a token.
    if (!NAME.test(name) || !token || /\s/.test(token))
      throw new Error(
        `--tokens: entry ${
          index + 1
        } is not name=token (e.g. backups=xxx,kubernetes=yyy)`,
      );
    if (name in tokens)
      throw new Error(`--tokens: identity "${name}" is given twice`);
    tokens[name] = token;
  });
  return tokens;
}
