const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g;
// Bracketed, or bare with "::" (so that times such as 10:30:00 stay).
const IPV6 = /\[[0-9a-f:.]+\](:\d+)?|\b[0-9a-f]{1,4}::[0-9a-f:]*/gi;
const HOST_PORT = /\b([a-z0-9-]+\.)+[a-z]{2,}:\d+\b/gi;
const BEARER = /\b(bearer|token)[\s:=]+[A-Za-z0-9._~+/-]{8,}=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/**
 * Removes what must not reach a browser from an error text: URLs, IP
 * addresses, host:port pairs and tokens. The full text goes to the log.
 */
export function redact(text: string): string {
  return text
    .replace(URL, '[address]')
    .replace(JWT, '[token]')
    .replace(BEARER, '$1 [token]')
    .replace(IPV6, '[address]')
    .replace(IPV4, '[address]')
    .replace(HOST_PORT, '[address]');
}
