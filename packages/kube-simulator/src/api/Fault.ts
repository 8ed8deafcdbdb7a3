/** A failure the simulator answers instead of the real result, for tests and scenarios. */
export type Fault = {
  group: string;
  resource: string;
  namespace?: string;
  status: 401 | 403 | 404 | 409 | 422 | 500 | 503 | 504;
  delayMs?: number;
  message?: string;
};

export function faultMessage(fault: Fault, verb: string): string {
  if (fault.message) return fault.message;
  const resource = fault.group
    ? `${fault.resource}.${fault.group}`
    : fault.resource;
  switch (fault.status) {
    case 403:
      return `${resource} is forbidden: User "system:serviceaccount:backstage:backstage" cannot ${verb} resource "${
        fault.resource
      }" in API group "${fault.group}"${
        fault.namespace
          ? ` in the namespace "${fault.namespace}"`
          : ' at the cluster scope'
      }`;
    case 401:
      return 'Unauthorized';
    case 504:
      return 'Timeout: request did not complete within the allotted timeout';
    case 503:
      return 'the server is currently unable to handle the request';
    default:
      return 'an error on the server ("internal error") has prevented the request from succeeding';
  }
}
