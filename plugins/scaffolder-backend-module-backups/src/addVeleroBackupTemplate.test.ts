import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { addVeleroBackupTemplate as template } from './__testUtils__/addVeleroBackupTemplate';
import { createVeleroGenerateAction } from './actions/createVeleroGenerateAction';
import { createGitopsCheckoutAction } from './actions/gitops/createGitopsCheckoutAction';
import { createGitopsDiffAction } from './actions/gitops/createGitopsDiffAction';
import { createGitopsProposeAction } from './actions/gitops/createGitopsProposeAction';

type Property = { pattern?: string; maxLength?: number; [key: string]: any };
const parameters: Record<string, Property> = Object.assign(
  {},
  ...template.spec.parameters.map((page: any) => page.properties),
);
const step = (id: string) => template.spec.steps.find((s: any) => s.id === id);

/** The input schemas of this module's actions, as the scaffolder sees them. */
const inputsOf: Record<string, Record<string, Property>> = Object.fromEntries(
  [
    createVeleroGenerateAction(),
    createGitopsCheckoutAction(),
    createGitopsDiffAction(),
    createGitopsProposeAction(),
  ].map(a => [a.id, (a.schema?.input as any).properties]),
);

/** Each action input the template fills from a form parameter, possibly with a fallback (`or`). */
const bound = template.spec.steps
  .filter((s: any) => inputsOf[s.action])
  .flatMap((s: any) =>
    Object.entries((s.input ?? {}) as Record<string, string>).map(
      ([input, value]) => ({
        step: s.id,
        schema: inputsOf[s.action][input],
        parameter: /^\$\{\{ parameters\.(\w+)(?: or [^}]+)? \}\}$/.exec(
          value,
        )?.[1],
      }),
    ),
  )
  .filter((b: { parameter?: string }) => b.parameter) as Array<{
  step: string;
  schema: Property;
  parameter: string;
}>;

describe('the "Add Velero backup" template', () => {
  it('checks each form field with the pattern and length of every action input it fills', () => {
    const checked = Object.entries(parameters).filter(([, p]) => p.pattern);
    expect(checked.map(([name]) => name).sort()).toEqual([
      'branch',
      'cnpgCluster',
      'repoUrl',
      'schedule',
      'ttl',
    ]);
    for (const [name, property] of checked) {
      const bindings = bound.filter(b => b.parameter === name);
      expect({ name, bound: bindings.length > 0 }).toEqual({
        name,
        bound: true,
      });
      for (const { step: id, schema } of bindings)
        expect({ name, id, ...property }).toMatchObject({
          name,
          id,
          pattern: schema.pattern,
          maxLength: schema.maxLength,
        });
    }
  });

  it('leaves no action input that has a pattern unchecked in the form', () => {
    for (const { step: id, schema, parameter } of bound)
      expect({ id, parameter, pattern: parameters[parameter].pattern }).toEqual(
        { id, parameter, pattern: schema.pattern },
      );
  });

  it('has patterns the form can compile (JSON schema regexes, unicode mode)', () => {
    const patterns = Object.values(parameters).flatMap(p => p.pattern ?? []);
    for (const pattern of patterns)
      expect(() => new RegExp(pattern, 'u')).not.toThrow();
  });

  it("asks only for the component: the rest defaults to the demo's repository, as app-config.yaml says", () => {
    const required = template.spec.parameters.flatMap(
      (page: any) => page.required ?? [],
    );
    const withoutDefault = Object.keys(parameters).filter(
      name => parameters[name].default === undefined,
    );
    expect(withoutDefault.sort()).toEqual(['cnpgCluster', 'component']);
    expect(required.filter((r: string) => withoutDefault.includes(r))).toEqual([
      'component',
    ]);
    const appConfig = parse(
      readFileSync(resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
    );
    expect({
      repository: parameters.repoUrl.default,
      branch: parameters.branch.default,
    }).toEqual(appConfig.backups.scaffolder.gitops);
  });

  it('calls the repository an existing one, with no hidden input', () => {
    const texts = Object.values(parameters).map(p => JSON.stringify(p));
    expect(texts.join('\n')).not.toMatch(/will be created|RepoUrlPicker/);
    expect(parameters.repoUrl.description).toMatch(/existing repository/);
    expect(
      Object.entries(parameters).filter(([, p]) => p['ui:widget'] === 'hidden'),
    ).toEqual([]);
    expect(step('checkout').input).toEqual({
      repoUrl: '${{ parameters.repoUrl }}',
      branch: '${{ parameters.branch }}',
    });
  });

  it('checks out, writes, shows the diff, then proposes on a plain git remote or opens a pull request on GitHub', () => {
    expect(template.spec.steps.map((s: any) => `${s.id}:${s.action}`)).toEqual([
      'entity:catalog:fetch',
      'checkout:backups:gitops:checkout',
      'velero:backups:velero:generate',
      'diff:backups:gitops:diff',
      'propose:backups:gitops:propose',
      'pr:publish:github:pull-request',
    ]);
    expect(step('propose').if).toBe(
      "${{ steps.checkout.output.forge == 'git' }}",
    );
    expect(step('pr').if).toBe(
      "${{ steps.checkout.output.forge == 'github' }}",
    );
    expect(step('pr').input.repoUrl).toBe(
      '${{ steps.checkout.output.githubRepoUrl }}',
    );
    expect(step('pr').input.description).toContain(
      '${{ steps.diff.output.markdown }}',
    );
    expect(template.spec.output.links[0].url).toBe(
      '${{ steps.propose.output.url or steps.pr.output.remoteUrl }}',
    );
  });

  it('proposes on the branch the Velero action checked, onto the base branch', () => {
    for (const id of ['propose', 'pr'])
      expect(step(id).input.branchName).toBe(
        '${{ steps.velero.output.branchName }}',
      );
    expect(step('propose').input.baseBranch).toBe('${{ parameters.branch }}');
    expect(step('pr').input.targetBranchName).toBe('${{ parameters.branch }}');
    expect(step('velero').input.targetBranchName).toBe(
      '${{ parameters.branch }}',
    );
  });

  const repoUrl = new RegExp(parameters.repoUrl.pattern!, 'u');
  it.each([
    'http://127.0.0.1:8002/odoo-gitops.git',
    'https://github.com/hayden/home-ops.git',
    'https://gitlab.example.net/sre/gitops',
  ])('takes %p as a repository', url => {
    expect(repoUrl.test(url)).toBe(true);
  });
  it.each([
    'http://me:secret@127.0.0.1:8002/odoo-gitops.git',
    'github.com?owner=hayden&repo=home-ops',
    'ftp://127.0.0.1/odoo-gitops.git',
    'https://github.com',
    'http://127.0.0.1:8002/odoo gitops.git',
  ])('refuses %p as a repository', url => {
    expect(repoUrl.test(url)).toBe(false);
  });

  const branch = new RegExp(parameters.branch.pattern!, 'u');
  it.each([
    'main',
    'release-1.2',
    'feature/velero',
    'backups/velero-odoo',
    'v1.0.0',
  ])('takes %p as a branch', ref => {
    expect(branch.test(ref)).toBe(true);
  });

  it.each([
    'main..evil',
    'a b',
    'x~1',
    'x^',
    'a:b',
    'a?',
    'a*',
    'a[b',
    'a\\b',
    '/main',
    'main/',
    '.hidden',
    'feature/.hidden',
    'main.',
    'main.lock',
    'a.lock/b',
    'a@{1}',
    '@',
    'a//b',
    '-main',
    'HEAD',
    'tab\there',
    'nul\0',
  ])('refuses %p as a branch, as git check-ref-format does', ref => {
    expect(branch.test(ref)).toBe(false);
  });
});
