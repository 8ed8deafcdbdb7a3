import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { Coverage } from '@internal/plugin-backups-common';
import { CoverageTable } from './CoverageTable';

const ns = 'business-system';

function row(pvc: string) {
  return screen.getByTestId(`coverage-${pvc}`).closest('tr')!;
}

describe('CoverageTable', () => {
  it('says how a Velero schedule covers each PVC', async () => {
    const coverage: Coverage[] = [
      {
        namespace: ns,
        pvc: 'odoo-filestore',
        coveredBy: [{ kind: 'velero', name: 'odoo-daily' }],
        via: [
          { name: 'odoo-daily', reason: 'pod', pod: 'odoo-7d9f8b6c5d-x2k8p' },
        ],
      },
      {
        namespace: ns,
        pvc: 'data',
        coveredBy: [{ kind: 'velero', name: 'all' }],
        via: [{ name: 'all', reason: 'namespace' }],
      },
      {
        namespace: ns,
        pvc: 'odoo-pg-1',
        coveredBy: [{ kind: 'cnpg', name: 'odoo-pg' }],
        hints: [
          'add label `app.kubernetes.io/name=odoo` to CNPG cluster `odoo-pg` through spec.inheritedMetadata.labels',
        ],
      },
    ];
    await renderInTestApp(<CoverageTable coverage={coverage} />);
    expect(row('odoo-filestore')).toHaveTextContent(
      'velero/odoo-daily (through pod odoo-7d9f8b6c5d-x2k8p, which mounts it)',
    );
    expect(row('data')).toHaveTextContent('(the whole namespace)');
    expect(row('odoo-pg-1')).toHaveTextContent('At risk');
    expect(row('odoo-pg-1')).toHaveTextContent('spec.inheritedMetadata.labels');
  });

  it('marks excluded PVCs and undecided coverage', async () => {
    await renderInTestApp(
      <CoverageTable
        coverage={[
          {
            namespace: ns,
            pvc: 'scratch',
            coveredBy: [],
            excludedFromVelero: true,
          },
          {
            namespace: ns,
            pvc: 'cache',
            coveredBy: [],
            unknown: 'pods could not be listed',
          },
        ]}
      />,
    );
    expect(row('scratch')).toHaveTextContent('Critical');
    expect(row('scratch')).toHaveTextContent(
      'Excluded from Velero (velero.io/exclude-from-backup=true)',
    );
    expect(row('cache')).toHaveTextContent('Unknown');
    expect(row('cache')).toHaveTextContent('pods could not be listed');
  });
});
