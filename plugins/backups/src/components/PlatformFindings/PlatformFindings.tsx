import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import { WrappingListItemText } from '../WrappingListItemText';
import Typography from '@material-ui/core/Typography';
import type { PlatformFinding } from '@internal/plugin-backups-common';
import { StatusChip } from '../StatusChip';
import { platformFindingAnchor } from '../../utils/platformFindingAnchor';

/**
 * Cluster-wide facts that every tier depends on (Velero server, storage
 * locations, node agent, snapshot classes, Flux, credentials), each said once
 * with the tiers it affects. Tier findings link here by anchor.
 */
export function PlatformFindings(props: {
  findings: PlatformFinding[];
  /** Set when the tab shows several clusters, to keep anchors apart. */
  cluster?: string;
}) {
  const { findings, cluster } = props;
  if (findings.length === 0) return null;
  return (
    <InfoCard
      title="Platform findings"
      subheader="Cluster-wide problems, reported once; the affected tiers point here."
      noPadding
    >
      <List dense data-testid="platform-findings">
        {findings.map(finding => (
          <ListItem
            key={finding.id}
            id={platformFindingAnchor(finding.id, cluster)}
            tabIndex={-1}
            divider
            alignItems="flex-start"
            data-finding-code={finding.code}
            data-finding-status={finding.status}
          >
            <WrappingListItemText
              disableTypography
              primary={
                <Box display="flex" alignItems="center" style={{ gap: 12 }}>
                  <StatusChip status={finding.status} />
                  <Typography variant="subtitle2" component="span">
                    {finding.subject}
                  </Typography>
                </Box>
              }
              secondary={
                <>
                  <Typography
                    variant="body2"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {finding.message}
                  </Typography>
                  <Typography variant="caption" color="textSecondary">
                    {finding.affects.length > 0
                      ? 'Affects '
                      : 'Affects no tier of this entity'}
                  </Typography>
                  {finding.affects.map(tier => (
                    <Chip
                      key={`${tier.kind}/${tier.name}`}
                      size="small"
                      variant="outlined"
                      label={`${tier.kind}/${tier.name}`}
                      style={{ marginRight: 4 }}
                    />
                  ))}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
