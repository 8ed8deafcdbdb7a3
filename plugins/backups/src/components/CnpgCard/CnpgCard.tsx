import type { CSSProperties } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CNPG_CRON_DIALECT,
  type CnpgBackup,
  type CnpgSection,
  type Tier,
} from '@internal/plugin-backups-common';
import { CronInfoText } from '../CronInfoText';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';
import { PitrWindow } from '../PitrWindow';
import { cronInfoFor } from '../../utils/cronInfoFor';
import { formatSeconds, secondsBetween } from '../../utils/formatTime';
import { RecoverToPointInTimeLink } from './RecoverToPointInTimeLink';

// Backstage's Table adds to a highlighted column's style object, so hand it a fresh one.
const wrap = (): CSSProperties => ({ overflowWrap: 'anywhere' });

const backupColumns: TableColumn<CnpgBackup>[] = [
  {
    title: 'Base backup',
    field: 'name',
    highlight: true,
    width: '30%',
    cellStyle: wrap,
    render: b => (
      <>
        <Typography variant="body2">{b.name}</Typography>
        <Typography variant="caption" color="textSecondary">
          {b.cluster}
          {b.method ? ` · ${b.method}` : ''}
        </Typography>
      </>
    ),
  },
  {
    title: 'Phase',
    field: 'phase',
    width: '18%',
    render: b => <PhaseChip phase={b.phase} />,
  },
  {
    title: 'Started',
    field: 'startedAt',
    defaultSort: 'desc',
    width: '17%',
    render: b => (
      <>
        <RelativeTime time={b.startedAt} />
        <Typography variant="caption" color="textSecondary" display="block">
          took {formatSeconds(secondsBetween(b.startedAt, b.stoppedAt))}
        </Typography>
      </>
    ),
  },
  {
    title: 'WAL',
    width: '35%',
    cellStyle: wrap,
    render: b => (
      <>
        <Typography variant="caption" display="block">
          {b.beginWal ?? '–'} → {b.endWal ?? '–'}
        </Typography>
        {b.error && (
          <Typography variant="caption" color="error" display="block">
            {b.error}
          </Typography>
        )}
      </>
    ),
  },
];

/** CloudNativePG clusters: instances, WAL archiving, base backup schedules, the PITR window and base backups. */
export function CnpgCard(props: { cnpg: CnpgSection; tiers: Tier[] }) {
  const { clusters, backups, scheduledBackups } = props.cnpg;
  const entityRef = stringifyEntityRef(useEntity().entity);
  return (
    <InfoCard title="PostgreSQL (CloudNativePG)">
      {clusters.length === 0 && (
        <Typography>No CloudNativePG cluster in this namespace.</Typography>
      )}
      {clusters.map(cluster => {
        const tier = props.tiers.find(
          t => t.kind === 'cnpg' && t.name === cluster.name,
        );
        return (
          <Box key={cluster.name} mb={2} style={wrap()}>
            <Typography variant="body2">
              <b>{cluster.name}</b>: {cluster.readyInstances ?? 0}/
              {cluster.instances ?? 0} instances ready, primary{' '}
              {cluster.currentPrimary ?? 'unknown'} · {cluster.phase}
              {cluster.destinationPath
                ? ` · archives to ${cluster.destinationPath}`
                : ''}
              {cluster.objectStore
                ? ` (ObjectStore ${cluster.objectStore})`
                : ''}
            </Typography>
            {tier && (
              <Typography variant="body2" data-testid="cnpg-wal">
                {tier.continuous
                  ? 'WAL continuous: archived to a configured destination'
                  : 'WAL not archived: recovery only to a base backup'}
              </Typography>
            )}
            {scheduledBackups
              .filter(s => s.cluster === cluster.name)
              .map(s => (
                <CronInfoText
                  key={s.name}
                  label={`ScheduledBackup ${s.name}`}
                  cron={{
                    suspended: s.suspend,
                    ...cronInfoFor(tier?.schedules ?? [], {
                      role: 'base-backup',
                      source: s.name,
                      expression: s.schedule,
                      dialect: CNPG_CRON_DIALECT,
                    }),
                  }}
                />
              ))}
            <PitrWindow cluster={cluster} backups={backups} />
            <RecoverToPointInTimeLink entityRef={entityRef} cluster={cluster} />
          </Box>
        );
      })}
      {backups.length > 0 && (
        <Table<CnpgBackup>
          options={{
            paging: backups.length > 10,
            pageSize: 10,
            search: false,
            padding: 'dense',
            toolbar: false,
            tableLayout: 'fixed',
          }}
          columns={backupColumns}
          data={backups}
        />
      )}
    </InfoCard>
  );
}
