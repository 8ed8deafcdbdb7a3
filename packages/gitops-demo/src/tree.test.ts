import {
  loadSharedVolsyncSchemas,
  validateManifests,
} from '@internal/crd-schemas';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { TREE_DIR } from './seedRepository';

const yamlFiles = readdirSync(TREE_DIR, { recursive: true, encoding: 'utf8' })
  .filter(p => /\.ya?ml$/.test(p))
  .sort();

// VolSync's schemas are derived from ../shared/crds when it is there.
const volsync = loadSharedVolsyncSchemas();

const documents = yamlFiles.flatMap(path =>
  parseAllDocuments(readFileSync(join(TREE_DIR, path), 'utf8')).map(d => ({
    path,
    doc: d.toJS(),
  })),
);

describe("the demo repository's tree (Odoo before Velero)", () => {
  it.each(yamlFiles)('%s is valid against the upstream CRD schemas', path => {
    const invalid = validateManifests(
      readFileSync(join(TREE_DIR, path), 'utf8'),
    ).filter(r => r.schemaFound && !r.valid);
    expect(invalid).toEqual([]);
  });

  it('has a schema for every custom resource it holds', () => {
    const checked = documents
      .filter(({ doc }) => doc.apiVersion.includes('.'))
      .filter(({ doc }) => !doc.apiVersion.startsWith('kustomize.config'))
      .map(({ doc }) => ({
        kind: doc.kind,
        schemaFound: validateManifests(JSON.stringify(doc))[0].schemaFound,
      }));
    expect(
      checked
        .filter(c => !c.schemaFound)
        .map(c => c.kind)
        .sort(),
    ).toEqual(
      volsync ? ['HelmRepository'] : ['HelmRepository', 'ReplicationSource'],
    );
  });

  it('lists only files and folders that exist in its kustomizations', () => {
    for (const path of yamlFiles.filter(p =>
      p.endsWith('kustomization.yaml'),
    )) {
      const dir = dirname(join(TREE_DIR, path));
      for (const resource of parse(readFileSync(join(TREE_DIR, path), 'utf8'))
        .resources)
        expect({
          path,
          resource,
          exists: existsSync(join(dir, resource)),
        }).toEqual({
          path,
          resource,
          exists: true,
        });
    }
  });

  it('points each Flux Kustomization at a folder of the repository', () => {
    const paths = documents
      .filter(({ doc }) => doc.apiVersion.startsWith('kustomize.toolkit'))
      .map(({ doc }) => doc.spec.path);
    expect(paths.sort()).toEqual([
      './kubernetes/apps/base/business-system/odoo/app',
      './kubernetes/apps/overlays/cluster-00',
    ]);
    for (const path of paths)
      expect(existsSync(join(TREE_DIR, path))).toBe(true);
  });

  it('has no Velero yet, and no backup label or hook on Odoo', () => {
    const text = yamlFiles
      .map(p => readFileSync(join(TREE_DIR, p), 'utf8'))
      .join('\n');
    expect(text).not.toMatch(/velero|backup-system/i);
    const pvc = documents.find(d => d.doc.kind === 'PersistentVolumeClaim')!;
    expect(pvc.doc.metadata.labels).toBeUndefined();
    expect(relative(TREE_DIR, join(TREE_DIR, pvc.path))).toBe(
      'kubernetes/apps/base/business-system/odoo/app/pvc.yaml',
    );
  });
});
