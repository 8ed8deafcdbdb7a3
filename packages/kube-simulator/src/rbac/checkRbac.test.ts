import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestLogEntry } from '../api/RequestLog';
import {
  checkRbac,
  formatRbacCheck,
  grantAllows,
  grantsOf,
  PolicyRule,
  RbacDocument,
} from './checkRbac';
import { main } from './runRbacCheck';

const SA = { namespace: 'backstage', name: 'reader' };
const subject = { kind: 'ServiceAccount', ...SA };

function clusterRole(name: string, rules: PolicyRule[]): RbacDocument[] {
  return [
    { kind: 'ClusterRole', metadata: { name }, rules },
    {
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { kind: 'ClusterRole', name },
      subjects: [subject],
    },
  ];
}

function role(
  name: string,
  namespace: string,
  rules: PolicyRule[],
): RbacDocument[] {
  return [
    { kind: 'Role', metadata: { name, namespace }, rules },
    {
      kind: 'RoleBinding',
      metadata: { name, namespace },
      roleRef: { kind: 'Role', name },
      subjects: [subject],
    },
  ];
}

const serviceAccount: RbacDocument = {
  kind: 'ServiceAccount',
  metadata: SA,
};

function request(
  verb: string,
  group: string,
  resource: string,
  extra: Partial<RequestLogEntry> = {},
): RequestLogEntry {
  return { identity: 'backups', verb, group, resource, status: 200, ...extra };
}

describe('grantAllows', () => {
  const grant = (rule: PolicyRule, namespace?: string) => ({
    rule,
    namespace,
    source: 'test',
  });

  it('matches verb, group and resource, with wildcards', () => {
    const pods = grant({
      apiGroups: [''],
      resources: ['pods'],
      verbs: ['list'],
    });
    expect(grantAllows(pods, request('list', '', 'pods'))).toBe(true);
    expect(grantAllows(pods, request('watch', '', 'pods'))).toBe(false);
    expect(grantAllows(pods, request('list', 'apps', 'pods'))).toBe(false);
    expect(grantAllows(pods, request('list', '', 'secrets'))).toBe(false);
    const any = grant({ apiGroups: ['*'], resources: ['*'], verbs: ['*'] });
    expect(grantAllows(any, request('delete', 'velero.io', 'backups'))).toBe(
      true,
    );
    expect(
      grantAllows(
        any,
        request('get', 'velero.io', 'backups', { subresource: 'status' }),
      ),
    ).toBe(true);
  });

  it('keeps subresources apart: pods does not give pods/log, */log does', () => {
    const log = request('get', '', 'pods', { subresource: 'log', name: 'p' });
    expect(
      grantAllows(
        grant({ apiGroups: [''], resources: ['pods'], verbs: ['get'] }),
        log,
      ),
    ).toBe(false);
    expect(
      grantAllows(
        grant({ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }),
        log,
      ),
    ).toBe(true);
    expect(
      grantAllows(
        grant({ apiGroups: [''], resources: ['*/log'], verbs: ['get'] }),
        log,
      ),
    ).toBe(true);
  });

  it('a RoleBinding grant only reaches its own namespace', () => {
    const inVelero = grant(
      { apiGroups: ['velero.io'], resources: ['backups'], verbs: ['list'] },
      'velero',
    );
    expect(
      grantAllows(
        inVelero,
        request('list', 'velero.io', 'backups', { namespace: 'velero' }),
      ),
    ).toBe(true);
    expect(
      grantAllows(
        inVelero,
        request('list', 'velero.io', 'backups', { namespace: 'other' }),
      ),
    ).toBe(false);
    // A cluster-wide list is not "in velero".
    expect(grantAllows(inVelero, request('list', 'velero.io', 'backups'))).toBe(
      false,
    );
  });

  it('resourceNames allow only those names, so never a list', () => {
    const one = grant({
      apiGroups: ['apps'],
      resources: ['deployments'],
      resourceNames: ['velero'],
      verbs: ['get', 'list'],
    });
    expect(
      grantAllows(
        one,
        request('get', 'apps', 'deployments', { name: 'velero' }),
      ),
    ).toBe(true);
    expect(
      grantAllows(
        one,
        request('get', 'apps', 'deployments', { name: 'other' }),
      ),
    ).toBe(false);
    expect(grantAllows(one, request('list', 'apps', 'deployments'))).toBe(
      false,
    );
  });

  it('non-resource URLs, exact or with a trailing *', () => {
    const urls = grant({
      nonResourceURLs: ['/apis/*', '/version'],
      verbs: ['get'],
    });
    const get = (path: string): RequestLogEntry => ({
      identity: 'backups',
      verb: 'get',
      nonResourceURL: path,
      status: 200,
    });
    expect(grantAllows(urls, get('/apis/velero.io/v1'))).toBe(true);
    expect(grantAllows(urls, get('/version'))).toBe(true);
    expect(grantAllows(urls, get('/version/x'))).toBe(false);
    expect(grantAllows(urls, request('get', '', 'pods'))).toBe(false);
  });
});

describe('grantsOf', () => {
  it('scopes ClusterRole rules everywhere and Role rules to their binding namespace', () => {
    const { grants, problems } = grantsOf(
      [
        ...clusterRole('c', [
          { apiGroups: [''], resources: ['pods'], verbs: ['list'] },
        ]),
        ...role('r', 'velero', [
          { apiGroups: ['velero.io'], resources: ['backups'], verbs: ['list'] },
        ]),
      ],
      SA,
    );
    expect(problems).toEqual([]);
    expect(grants.map(g => [g.source, g.namespace])).toEqual([
      ['ClusterRole c via ClusterRoleBinding c', undefined],
      ['Role velero/r via RoleBinding velero/r', 'velero'],
    ]);
  });

  it('a ClusterRole bound by a RoleBinding reaches only that namespace', () => {
    const { grants } = grantsOf(
      [
        {
          kind: 'ClusterRole',
          metadata: { name: 'c' },
          rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }],
        },
        {
          kind: 'RoleBinding',
          metadata: { name: 'b', namespace: 'app' },
          roleRef: { kind: 'ClusterRole', name: 'c' },
          subjects: [subject],
        },
      ],
      SA,
    );
    expect(grants).toEqual([expect.objectContaining({ namespace: 'app' })]);
  });

  it('ignores bindings of other subjects, and names unbound roles, unknown roles and Secrets', () => {
    const { grants, problems } = grantsOf(
      [
        {
          kind: 'ClusterRole',
          metadata: { name: 'lonely' },
          rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get'] }],
        },
        {
          kind: 'ClusterRoleBinding',
          metadata: { name: 'other' },
          roleRef: { kind: 'ClusterRole', name: 'lonely' },
          subjects: [{ kind: 'ServiceAccount', name: 'x', namespace: 'y' }],
        },
        {
          kind: 'ClusterRoleBinding',
          metadata: { name: 'view' },
          roleRef: { kind: 'ClusterRole', name: 'view' },
          subjects: [subject],
        },
      ],
      SA,
    );
    expect(grants).toEqual([]);
    expect(problems).toEqual([
      'ClusterRoleBinding view refers to ClusterRole view, which the file does not define: its rules cannot be checked',
      'ClusterRole lonely is not bound to ServiceAccount backstage/reader',
      'ClusterRole lonely grants get on secrets',
    ]);
  });
});

describe('checkRbac', () => {
  const documents = [
    serviceAccount,
    ...clusterRole('c', [
      { apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['list'] },
      { apiGroups: ['storage.k8s.io'], resources: ['*'], verbs: ['list'] },
    ]),
    ...role('r', 'velero', [
      {
        apiGroups: ['velero.io'],
        resources: ['schedules', 'backups'],
        verbs: ['list', 'watch'],
      },
    ]),
  ];
  const healthy = [
    request('list', '', 'pods', { namespace: 'app' }),
    request('list', '', 'namespaces'),
    request('list', 'storage.k8s.io', 'storageclasses'),
    request('list', 'velero.io', 'schedules', { namespace: 'velero' }),
    request('watch', 'velero.io', 'schedules', { namespace: 'velero' }),
    request('list', 'velero.io', 'backups', {
      namespace: 'velero',
      status: 500,
    }),
    request('watch', 'velero.io', 'backups', { namespace: 'velero' }),
    // Discovery is every authenticated user's, by Kubernetes' defaults.
    { identity: 'backups', verb: 'get', nonResourceURL: '/apis', status: 200 },
    // Other identities are not checked.
    request('create', 'velero.io', 'restores', {
      identity: 'kubernetes',
      namespace: 'velero',
    }),
  ];

  it('passes when every request is allowed and every rule used', () => {
    const result = checkRbac({
      documents,
      entries: healthy,
      identity: 'backups',
    });
    expect(result).toMatchObject({
      ok: true,
      requests: 8,
      denied: [],
      unused: [],
      problems: [],
      serviceAccount: SA,
    });
    // A wildcard is one rule, used by any request it allows.
    expect(result.used).toHaveLength(7);
    expect(formatRbacCheck(result)).toMatch(
      /RBAC check passed: every request allowed, all 7 rules used\./,
    );
  });

  it('fails on a request the rules do not allow, counting repeats', () => {
    const entries = [
      ...healthy,
      request('list', 'velero.io', 'backups', { namespace: 'app' }),
      request('list', 'velero.io', 'backups', { namespace: 'app' }),
      request('list', '', 'secrets', { namespace: 'velero' }),
      request('get', '', 'pods', { namespace: 'app', name: 'p' }),
    ];
    const result = checkRbac({ documents, entries, identity: 'backups' });
    expect(result.ok).toBe(false);
    expect(result.denied).toEqual([
      {
        request: {
          verb: 'list',
          group: 'velero.io',
          resource: 'backups',
          namespace: 'app',
        },
        count: 2,
      },
      expect.objectContaining({ count: 1 }),
      expect.objectContaining({ count: 1 }),
    ]);
    const report = formatRbacCheck(result);
    expect(report).toContain(
      '  - list backups.velero.io in namespace app (×2)',
    );
    expect(report).toContain('  - list secrets in namespace velero');
    expect(report).toContain('  - get pods p in namespace app');
    expect(report).toMatch(/RBAC check FAILED: 3 requests denied/);
  });

  it('fails on a rule no request used, naming the role and binding', () => {
    const entries = healthy.filter(
      e => !(e.verb === 'watch' && e.resource === 'backups'),
    );
    const result = checkRbac({ documents, entries, identity: 'backups' });
    expect(result.ok).toBe(false);
    expect(result.unused.map(u => [u.verb, u.group, u.resource])).toEqual([
      ['watch', 'velero.io', 'backups'],
    ]);
    expect(formatRbacCheck(result)).toContain(
      '  - watch backups.velero.io in namespace velero (Role velero/r via RoleBinding velero/r)',
    );
  });

  it('a Role rule is not used by the same request in another namespace', () => {
    const entries = healthy.map(e =>
      e.resource === 'schedules' && e.verb === 'watch'
        ? { ...e, namespace: 'elsewhere' }
        : e,
    );
    const result = checkRbac({ documents, entries, identity: 'backups' });
    expect(result.denied).toHaveLength(1);
    expect(result.unused.map(u => `${u.verb} ${u.resource}`)).toEqual([
      'watch schedules',
    ]);
  });

  it('fails without any request of the identity, or without a ServiceAccount to check', () => {
    expect(
      checkRbac({ documents, entries: [], identity: 'backups' }).problems,
    ).toEqual([
      expect.stringMatching(/^no request of identity "backups" was logged/),
    ]);
    const withoutSa = checkRbac({
      documents: documents.filter(d => d.kind !== 'ServiceAccount'),
      entries: healthy,
      identity: 'backups',
    });
    expect(withoutSa.ok).toBe(false);
    expect(withoutSa.problems).toContain('the file defines no ServiceAccount');
  });
});

describe('the check-rbac command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'check-rbac-'));
    writeFileSync(
      join(dir, 'rbac.yaml'),
      `# a comment
apiVersion: v1
kind: ServiceAccount
metadata: { name: reader, namespace: backstage }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: c }
rules:
  - apiGroups: ['']
    resources: [pods]
    verbs: [list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: c }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: c }
subjects: [{ kind: ServiceAccount, name: reader, namespace: backstage }]
`,
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(lines: RequestLogEntry[][]) {
    const logs = join(dir, 'logs');
    lines.forEach((entries, i) => {
      if (i === 0) mkdirSync(logs);
      writeFileSync(
        join(logs, `requests-${i}.jsonl`),
        entries.map(e => `${JSON.stringify(e)}\n`).join(''),
      );
    });
    let out = '';
    const code = await main(['--rbac', 'rbac.yaml', '--logs', 'logs'], {
      root: '/nowhere',
      cwd: dir,
      out: text => {
        out += text;
      },
    });
    return { code, out };
  }

  it('reads every log file and exits 0 when the rules fit', async () => {
    const { code, out } = await run([
      [request('list', '', 'pods', { namespace: 'a' })],
      [request('get', '', 'pods', { identity: 'kubernetes', name: 'x' })],
    ]);
    expect(out).toMatch(/2 logged requests in 2 files/);
    expect(out).toMatch(/RBAC check passed/);
    expect(code).toBe(0);
  });

  it('exits 1 with the list of denied requests', async () => {
    const { code, out } = await run([
      [
        request('list', '', 'pods', { namespace: 'a' }),
        request('watch', '', 'pods', { namespace: 'a' }),
      ],
    ]);
    expect(code).toBe(1);
    expect(out).toContain('  - watch pods in namespace a');
  });

  it('exits 1 when no test wrote a log', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(1);
    expect(out).toMatch(/does not exist/);
  });
});
