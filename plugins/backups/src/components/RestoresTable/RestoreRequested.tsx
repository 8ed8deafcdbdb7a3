import Alert from '@material-ui/lab/Alert';
import type { RestoreCreated } from '@internal/plugin-backups-common';
import { useEffect, useRef, useState } from 'react';

/** Says a restore was just requested, and brings the restores table into view. */
export function RestoreRequested(props: { restore: RestoreCreated }) {
  const { restore } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [closed, setClosed] = useState<string>();
  useEffect(() => {
    // jsdom has no scrollIntoView.
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [restore.name]);
  if (closed === restore.name) return null;
  return (
    <Alert
      ref={ref}
      severity="success"
      onClose={() => setClosed(restore.name)}
      data-testid="restore-requested"
      style={{ marginBottom: 8, overflowWrap: 'anywhere' }}
    >
      Restore {restore.name} requested on cluster {restore.cluster}; its
      progress shows below.
    </Alert>
  );
}
