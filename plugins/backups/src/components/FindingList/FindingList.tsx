import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import type { MouseEvent } from 'react';
import type { Finding } from '@internal/plugin-backups-common';
import { StatusIcon } from '../StatusIcon';
import { platformFindingAnchor } from '../../utils/platformFindingAnchor';

function jumpTo(anchor: string) {
  return (event: MouseEvent) => {
    const target = document.getElementById(anchor);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  };
}

/**
 * A tier's findings, each with its stable code as `data-finding-code`. A copy
 * of a platform finding links to the one entry in the platform findings block.
 */
export function FindingList(props: {
  findings: Finding[];
  /** Set when the tab shows several clusters, to keep anchors apart. */
  cluster?: string;
}) {
  return (
    <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
      {props.findings.map(finding => {
        const anchor = finding.platformFindingId
          ? platformFindingAnchor(finding.platformFindingId, props.cluster)
          : undefined;
        return (
          <li
            key={`${finding.code}:${finding.message}`}
            data-finding-code={finding.code || undefined}
            data-finding-status={finding.status}
          >
            <Typography variant="body2" component="span">
              <StatusIcon status={finding.status}>
                {anchor ? (
                  <Link href={`#${anchor}`} onClick={jumpTo(anchor)}>
                    {finding.message}
                  </Link>
                ) : (
                  finding.message
                )}
              </StatusIcon>
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}
