import { parse, parseAllDocuments } from 'yaml';
import { resolveOptions } from '../actions/resolveOptions';
import { addKustomizationResource } from './addKustomizationResource';
import { planVeleroBackup } from './planVeleroBackup';

const INJECTION = '../../base/x\n  - https://evil.example.com/base?ref=main';

describe('addKustomizationResource', () => {
  it('writes a new kustomization as YAML with the exact resource', () => {
    expect(
      addKustomizationResource(undefined, '../../base/backup-system'),
    ).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base/backup-system\n',
    );
  });

  it.each([
    ['a new kustomization', undefined],
    ['an existing one', 'resources:\n  - ../../base/networking # net\n'],
    ['one without resources', 'kind: Kustomization\n'],
  ])('cannot be made to list a second resource through %s', (_what, text) => {
    const resources: string[] = parse(
      addKustomizationResource(text, INJECTION),
    ).resources;
    expect(resources.at(-1)).toBe(INJECTION);
    expect(resources.filter(r => r.startsWith('https://'))).toEqual([]);
  });

  it('gives YAML injected through a basePath that skipped validation no place in any file', () => {
    const o = resolveOptions(
      {
        appName: 'odoo',
        namespace: 'business-system',
        basePath: 'apps\n  - https://evil.example.com/base?ref=main\nx: y',
      },
      undefined,
    );
    // No file exists yet, so every file, the overlay included, is written new.
    const plan = planVeleroBackup(o, () => undefined);
    for (const file of plan.files) {
      const docs = parseAllDocuments(file.content).map(d => d.toJS());
      expect(JSON.stringify(docs)).not.toMatch(/"x":|"https:\/\/evil/);
    }
    const wired = plan.files.find(f => f.path === o.overlayKustomization)!;
    expect(parse(wired.content).resources).toHaveLength(1);
  });
});
