import type { RequestLogEntry } from '../api/RequestLog';

/** A rule of a Role or ClusterRole, as in rbac.authorization.k8s.io/v1. */
export type PolicyRule = {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
};

/** The parts of RBAC manifests the check reads; other kinds are ignored. */
export type RbacDocument = {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  rules?: PolicyRule[];
  roleRef?: { apiGroup?: string; kind?: string; name?: string };
  subjects?: {
    kind?: string;
    name?: string;
    namespace?: string;
    apiGroup?: string;
  }[];
};

/** A rule in force for the subject, where its binding puts it. */
export type Grant = {
  rule: PolicyRule;
  /** Only requests in this namespace (a RoleBinding); absent: everywhere. */
  namespace?: string;
  /** E.g. `ClusterRole backstage-backups via ClusterRoleBinding backstage-backups`. */
  source: string;
  /** Granted to every authenticated user by Kubernetes itself, not by the file. */
  builtIn?: boolean;
};

/** One verb on one resource (or URL) of one rule: what "used" is counted for. */
export type RuleUnit = {
  grant: Grant;
  verb: string;
  group?: string;
  resource?: string;
  nonResourceURL?: string;
};

export type DeniedRequest = {
  request: Omit<RequestLogEntry, 'status' | 'identity'>;
  count: number;
};

export type RbacCheckResult = {
  identity: string;
  serviceAccount?: { namespace: string; name: string };
  /** Requests of the identity that were read. */
  requests: number;
  denied: DeniedRequest[];
  unused: RuleUnit[];
  used: RuleUnit[];
  /** What makes the file impossible to check, or wrong whatever the requests. */
  problems: string[];
  ok: boolean;
};

/**
 * What Kubernetes' bootstrap ClusterRole `system:discovery` (bound to
 * `system:authenticated`) gives every authenticated user: discovery needs no
 * rule of the plugin's own.
 */
export const DISCOVERY_GRANT: Grant = {
  rule: {
    nonResourceURLs: [
      '/api',
      '/api/*',
      '/apis',
      '/apis/*',
      '/healthz',
      '/livez',
      '/readyz',
      '/version',
      '/version/',
      '/openapi',
      '/openapi/*',
    ],
    verbs: ['get'],
  },
  source: 'ClusterRole system:discovery (Kubernetes default)',
  builtIn: true,
};

/** Kinds no rule may reach, wildcards included: the plugin never reads Secrets. */
export const FORBIDDEN_RESOURCES = [{ group: '', resource: 'secrets' }];

function has(list: string[] | undefined, value: string) {
  return (list ?? []).includes('*') || (list ?? []).includes(value);
}

/** Kubernetes' ResourceMatches: `*`, `resource`, `resource/sub` and `*\/sub`. */
function resourceMatches(
  rule: PolicyRule,
  resource: string,
  subresource?: string,
) {
  const wanted = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    r =>
      r === '*' ||
      r === wanted ||
      (subresource !== undefined && r === `*/${subresource}`),
  );
}

function urlMatches(rule: PolicyRule, path: string) {
  return (rule.nonResourceURLs ?? []).some(u =>
    u.endsWith('*') ? path.startsWith(u.slice(0, -1)) : u === path,
  );
}

/** Whether a grant allows a request (Kubernetes' RBAC authorizer, for one rule). */
export function grantAllows(grant: Grant, request: RequestLogEntry): boolean {
  const { rule } = grant;
  if (!has(rule.verbs, request.verb)) return false;
  if (request.nonResourceURL !== undefined) {
    // Non-resource URLs are granted only cluster-wide (ClusterRoleBindings).
    return (
      grant.namespace === undefined && urlMatches(rule, request.nonResourceURL)
    );
  }
  if (request.group === undefined || request.resource === undefined)
    return false;
  if (grant.namespace !== undefined && grant.namespace !== request.namespace)
    return false;
  if (!has(rule.apiGroups, request.group)) return false;
  if (!resourceMatches(rule, request.resource, request.subresource))
    return false;
  if (rule.resourceNames?.length)
    return (
      request.name !== undefined && rule.resourceNames.includes(request.name)
    );
  return true;
}

function unitMatches(unit: RuleUnit, request: RequestLogEntry): boolean {
  if (!grantAllows(unit.grant, request)) return false;
  if (unit.verb !== '*' && unit.verb !== request.verb) return false;
  if (unit.nonResourceURL !== undefined)
    return urlMatches(
      { verbs: [], nonResourceURLs: [unit.nonResourceURL] },
      request.nonResourceURL ?? '\0',
    );
  if (unit.group !== '*' && unit.group !== request.group) return false;
  return resourceMatches(
    { verbs: [], resources: [unit.resource!] },
    request.resource ?? '',
    request.subresource,
  );
}

/** Splits grants into verb × resource units (wildcards stay one unit each). */
export function ruleUnits(grants: Grant[]): RuleUnit[] {
  const units: RuleUnit[] = [];
  for (const grant of grants) {
    if (grant.builtIn) continue;
    const { rule } = grant;
    for (const verb of rule.verbs) {
      for (const url of rule.nonResourceURLs ?? [])
        units.push({ grant, verb, nonResourceURL: url });
      for (const group of rule.apiGroups ?? [])
        for (const resource of rule.resources ?? [])
          units.push({ grant, verb, group, resource });
    }
  }
  return units;
}

function subjectIs(
  subject: NonNullable<RbacDocument['subjects']>[number],
  bindingNamespace: string | undefined,
  sa: { namespace: string; name: string },
) {
  if (subject.kind === 'ServiceAccount')
    return (
      subject.name === sa.name &&
      (subject.namespace ?? bindingNamespace) === sa.namespace
    );
  if (subject.kind === 'Group')
    return [
      'system:authenticated',
      'system:serviceaccounts',
      `system:serviceaccounts:${sa.namespace}`,
    ].includes(subject.name ?? '');
  if (subject.kind === 'User')
    return subject.name === `system:serviceaccount:${sa.namespace}:${sa.name}`;
  return false;
}

function describeKind(doc: RbacDocument) {
  const ns = doc.metadata?.namespace;
  return `${doc.kind} ${ns ? `${ns}/` : ''}${doc.metadata?.name}`;
}

/**
 * The rules the file gives a service account, each scoped as its binding
 * scopes it, and what keeps the file from being checked: a binding to a
 * role it does not define, a role bound to nobody, a rule on Secrets.
 */
export function grantsOf(
  documents: RbacDocument[],
  serviceAccount: { namespace: string; name: string },
): { grants: Grant[]; problems: string[] } {
  const problems: string[] = [];
  const roles = documents.filter(
    d => d.kind === 'Role' || d.kind === 'ClusterRole',
  );
  const bindings = documents.filter(
    d => d.kind === 'RoleBinding' || d.kind === 'ClusterRoleBinding',
  );
  const bound = new Set<RbacDocument>();
  const grants: Grant[] = [];
  for (const binding of bindings) {
    const bindingNs = binding.metadata?.namespace;
    if (binding.kind === 'RoleBinding' && !bindingNs) {
      problems.push(`${describeKind(binding)} has no namespace`);
      continue;
    }
    if (
      !(binding.subjects ?? []).some(s =>
        subjectIs(s, bindingNs, serviceAccount),
      )
    )
      continue;
    const ref = binding.roleRef ?? {};
    if (binding.kind === 'ClusterRoleBinding' && ref.kind !== 'ClusterRole') {
      problems.push(
        `${describeKind(binding)} refers to ${ref.kind} ${
          ref.name
        }: a ClusterRoleBinding can only refer to a ClusterRole`,
      );
      continue;
    }
    const role = roles.find(
      r =>
        r.kind === ref.kind &&
        r.metadata?.name === ref.name &&
        (r.kind === 'ClusterRole' || r.metadata?.namespace === bindingNs),
    );
    if (!role) {
      problems.push(
        `${describeKind(binding)} refers to ${ref.kind} ${
          ref.kind === 'Role' ? `${bindingNs}/` : ''
        }${
          ref.name
        }, which the file does not define: its rules cannot be checked`,
      );
      continue;
    }
    bound.add(role);
    for (const rule of role.rules ?? [])
      grants.push({
        rule,
        ...(binding.kind === 'RoleBinding' ? { namespace: bindingNs } : {}),
        source: `${describeKind(role)} via ${describeKind(binding)}`,
      });
  }
  for (const role of roles) {
    if (!bound.has(role))
      problems.push(
        `${describeKind(role)} is not bound to ServiceAccount ${
          serviceAccount.namespace
        }/${serviceAccount.name}`,
      );
    for (const rule of role.rules ?? []) {
      for (const { group, resource } of FORBIDDEN_RESOURCES) {
        if (
          has(rule.apiGroups, group) &&
          resourceMatches(rule, resource) &&
          rule.verbs.length > 0
        )
          problems.push(
            `${describeKind(role)} grants ${rule.verbs.join(
              ', ',
            )} on ${resource}${group ? `.${group}` : ''}`,
          );
      }
    }
  }
  return { grants, problems };
}

/** The service accounts a file defines, as namespace/name. */
export function serviceAccountsOf(documents: RbacDocument[]) {
  return documents
    .filter(d => d.kind === 'ServiceAccount' && d.metadata?.name)
    .map(d => ({
      namespace: d.metadata?.namespace ?? 'default',
      name: d.metadata!.name!,
    }));
}

function requestKey(entry: RequestLogEntry) {
  const { status: _status, identity: _identity, ...request } = entry;
  return { key: JSON.stringify(request), request };
}

/**
 * Checks an identity's requests against the RBAC a file gives its service
 * account: every request must be allowed, and every rule (verb × resource)
 * must be used by some request.
 */
export function checkRbac(options: {
  documents: RbacDocument[];
  entries: RequestLogEntry[];
  identity: string;
  /** Default: the file's only ServiceAccount. */
  serviceAccount?: { namespace: string; name: string };
}): RbacCheckResult {
  const problems: string[] = [];
  const accounts = serviceAccountsOf(options.documents);
  let serviceAccount = options.serviceAccount;
  if (!serviceAccount) {
    if (accounts.length === 1) serviceAccount = accounts[0];
    else
      problems.push(
        accounts.length
          ? `the file defines ${accounts.length} ServiceAccounts; say which one is "${options.identity}"`
          : 'the file defines no ServiceAccount',
      );
  } else if (
    !accounts.some(
      a =>
        a.namespace === serviceAccount!.namespace &&
        a.name === serviceAccount!.name,
    )
  ) {
    problems.push(
      `the file does not define ServiceAccount ${serviceAccount.namespace}/${serviceAccount.name}`,
    );
  }

  const requests = options.entries.filter(e => e.identity === options.identity);
  if (requests.length === 0)
    problems.push(
      `no request of identity "${options.identity}" was logged: did the tests run with KUBE_SIMULATOR_REQUEST_LOG_DIR set?`,
    );

  const { grants, problems: fileProblems } = serviceAccount
    ? grantsOf(options.documents, serviceAccount)
    : { grants: [], problems: [] };
  problems.push(...fileProblems);
  const all = [...grants, DISCOVERY_GRANT];

  const denied = new Map<string, DeniedRequest>();
  const allowed: RequestLogEntry[] = [];
  for (const entry of requests) {
    if (all.some(g => grantAllows(g, entry))) {
      allowed.push(entry);
      continue;
    }
    const { key, request } = requestKey(entry);
    const seen = denied.get(key);
    if (seen) seen.count += 1;
    else denied.set(key, { request, count: 1 });
  }

  const used: RuleUnit[] = [];
  const unused: RuleUnit[] = [];
  for (const unit of ruleUnits(grants))
    (allowed.some(r => unitMatches(unit, r)) ? used : unused).push(unit);

  return {
    identity: options.identity,
    serviceAccount,
    requests: requests.length,
    denied: [...denied.values()],
    unused,
    used,
    problems,
    ok: denied.size === 0 && unused.length === 0 && problems.length === 0,
  };
}

function describeRequest(r: DeniedRequest['request']) {
  if (r.nonResourceURL !== undefined) return `${r.verb} ${r.nonResourceURL}`;
  const resource = `${r.resource}${r.subresource ? `/${r.subresource}` : ''}${
    r.group ? `.${r.group}` : ''
  }`;
  return `${r.verb} ${resource}${r.name ? ` ${r.name}` : ''}${
    r.namespace ? ` in namespace ${r.namespace}` : ' (cluster-wide)'
  }`;
}

function describeUnit(u: RuleUnit) {
  const what =
    u.nonResourceURL ?? `${u.resource}${u.group ? `.${u.group}` : ''}`;
  const where = u.grant.namespace ? ` in namespace ${u.grant.namespace}` : '';
  return `${u.verb} ${what}${where} (${u.grant.source})`;
}

/** The result as a report for people: what is denied, what is unused, and why. */
export function formatRbacCheck(result: RbacCheckResult): string {
  const sa = result.serviceAccount
    ? `ServiceAccount ${result.serviceAccount.namespace}/${result.serviceAccount.name}`
    : 'no ServiceAccount';
  const lines = [
    `RBAC check: ${result.requests} requests of identity "${result.identity}" against the rules of ${sa}.`,
  ];
  if (result.denied.length) {
    lines.push('', 'Requests the rules do not allow:');
    for (const d of result.denied)
      lines.push(
        `  - ${describeRequest(d.request)}${
          d.count > 1 ? ` (×${d.count})` : ''
        }`,
      );
  }
  if (result.unused.length) {
    lines.push(
      '',
      'Rules no request used (remove them, or test what needs them):',
    );
    for (const u of result.unused) lines.push(`  - ${describeUnit(u)}`);
  }
  if (result.problems.length) {
    lines.push('', 'Problems:');
    for (const p of result.problems) lines.push(`  - ${p}`);
  }
  lines.push(
    '',
    result.ok
      ? `RBAC check passed: every request allowed, all ${result.used.length} rules used.`
      : `RBAC check FAILED: ${result.denied.length} requests denied, ${result.unused.length} rules unused, ${result.problems.length} problems.`,
  );
  return lines.join('\n');
}
