import { addVeleroBackupTemplate as template } from './__testUtils__/addVeleroBackupTemplate';
import { createVeleroGenerateAction } from './actions/createVeleroGenerateAction';

type Property = { pattern?: string; maxLength?: number; [key: string]: any };
const parameters: Record<string, Property> = Object.assign(
  {},
  ...template.spec.parameters.map((page: any) => page.properties),
);
const veleroStep = template.spec.steps.find(
  (s: any) => s.action === 'backups:velero:generate',
);
const actionInput = (createVeleroGenerateAction().schema?.input as any)
  .properties as Record<string, Property>;

/** The action inputs the template fills straight from a form parameter. */
const bound = Object.entries(veleroStep.input as Record<string, string>)
  .map(([input, value]) => ({
    input,
    parameter: /^\$\{\{ parameters\.(\w+) \}\}$/.exec(value)?.[1],
  }))
  .filter((b): b is { input: string; parameter: string } =>
    Boolean(b.parameter),
  );

describe('the "Add Velero backup" template', () => {
  it('checks each form field with the pattern and length of the action input it fills', () => {
    const checked = Object.entries(parameters).filter(([, p]) => p.pattern);
    expect(checked.map(([name]) => name).sort()).toEqual([
      'branch',
      'cnpgCluster',
      'schedule',
      'ttl',
    ]);
    for (const [name, property] of checked) {
      const binding = bound.find(b => b.parameter === name);
      expect({ name, input: binding?.input }).toEqual({
        name,
        input: expect.any(String),
      });
      const schema = actionInput[binding!.input];
      expect({ name, pattern: property.pattern }).toEqual({
        name,
        pattern: schema.pattern,
      });
      expect({ name, maxLength: property.maxLength }).toEqual({
        name,
        maxLength: schema.maxLength,
      });
    }
  });

  it('leaves no action input that has a pattern unchecked in the form', () => {
    for (const { input, parameter } of bound)
      expect({ input, pattern: parameters[parameter].pattern }).toEqual({
        input,
        pattern: actionInput[input].pattern,
      });
  });

  it('has patterns the form can compile (JSON schema regexes, unicode mode)', () => {
    const patterns = Object.values(parameters).flatMap(p => p.pattern ?? []);
    for (const pattern of patterns)
      expect(() => new RegExp(pattern, 'u')).not.toThrow();
  });

  it('has no hidden input, and reads only the chosen repository and branch', () => {
    const hidden = Object.entries(parameters).filter(
      ([, p]) => p['ui:widget'] === 'hidden',
    );
    expect(hidden).toEqual([]);
    const fetch = template.spec.steps.find((s: any) => s.id === 'fetch');
    expect(fetch.input).toEqual({
      url: 'https://${{ (parameters.repoUrl | parseRepoUrl).host }}/${{ (parameters.repoUrl | parseRepoUrl).owner }}/${{ (parameters.repoUrl | parseRepoUrl).repo }}/tree/${{ parameters.branch }}',
    });
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

  it('opens the pull request on the branch the action checked', () => {
    const pr = template.spec.steps.find((s: any) => s.id === 'pr');
    expect(pr.input.branchName).toBe('${{ steps.velero.output.branchName }}');
    expect(pr.input.targetBranchName).toBe('${{ parameters.branch }}');
    expect(veleroStep.input.targetBranchName).toBe('${{ parameters.branch }}');
  });
});
