import { renderInTestApp } from '@backstage/test-utils';
import type { DataSource } from '@internal/plugin-backups-common';
import { screen } from '@testing-library/react';
import { DataSources } from './DataSources';

const watched = (kind: string): DataSource => ({
  kind,
  mode: 'watch',
  state: 'ready',
});

describe('DataSources', () => {
  it('says how many kinds watches keep current, and nothing alarming when all are', async () => {
    await renderInTestApp(
      <DataSources
        cluster="demo"
        sources={[watched('backups.velero.io'), watched('pods')]}
      />,
    );
    expect(screen.getByTestId('data-sources-demo')).toHaveTextContent(
      'Cluster data: 2 of 2 kinds kept current by watches.',
    );
    expect(screen.queryByTestId('data-sources-problems')).toBeNull();
  });

  it('names polled kinds and those read on each refresh', async () => {
    await renderInTestApp(
      <DataSources
        cluster="demo"
        sources={[
          watched('pods'),
          {
            kind: 'backups.velero.io',
            namespace: 'velero',
            mode: 'poll',
            state: 'ready',
            message: 'watch is forbidden; listed every 30s',
          },
          { kind: 'namespaces', mode: 'list', state: 'ready' },
        ]}
      />,
    );
    expect(screen.getByTestId('data-sources-demo')).toHaveTextContent(
      'Cluster data: 1 of 3 kinds kept current by watches, 1 polled (backups.velero.io in velero), 1 read on each refresh (namespaces).',
    );
  });

  it('warns of kinds that are stale, failing or still loading, with when they were last in sync', async () => {
    await renderInTestApp(
      <DataSources
        cluster="demo"
        sources={[
          watched('pods'),
          {
            kind: 'clusters.postgresql.cnpg.io',
            mode: 'watch',
            state: 'stale',
            syncedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
            message: 'the watch has been cut since',
          },
          { kind: 'schedules.velero.io', mode: 'watch', state: 'warming' },
        ]}
      />,
    );
    const problems = screen.getByTestId('data-sources-problems');
    expect(problems).toHaveTextContent(
      'clusters.postgresql.cnpg.io: stale (the watch has been cut since); last in sync 3 minutes ago',
    );
    expect(problems).toHaveTextContent('schedules.velero.io: warming');
    expect(problems).not.toHaveTextContent('pods');
  });

  it('shows nothing for a backend that reads on every request', async () => {
    await renderInTestApp(<DataSources cluster="demo" />);
    expect(screen.queryByTestId('data-sources-demo')).toBeNull();
  });
});
