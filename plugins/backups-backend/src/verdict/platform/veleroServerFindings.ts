import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { PlatformFinding, platformFinding } from './PlatformFinding';

/**
 * The Velero server fires every schedule: without a ready replica nothing is
 * backed up. The node agent runs file-system backups and data movement.
 */
export function veleroServerFindings(
  snapshot: ClusterSnapshot,
  affects: PlatformFinding['affects'],
): PlatformFinding[] {
  const velero = snapshot.velero;
  if (!velero || affects.length === 0) return [];
  const findings: PlatformFinding[] = [];
  const server = velero.server ?? {};
  const subject = `Velero server (Deployment ${velero.namespace}/${
    server.deployment?.name ?? 'velero'
  })`;
  if (snapshot.unread.includes('velero.deployment')) {
    findings.push(
      platformFinding(
        'velero.source.unreadable',
        'unknown',
        subject,
        'The Velero server Deployment could not be read: whether schedules fire is unknown',
        affects,
      ),
    );
  } else if (server.deploymentFound === false) {
    findings.push(
      platformFinding(
        'velero.server.missing',
        'critical',
        subject,
        `No Velero server Deployment in namespace ${velero.namespace}: no schedule fires`,
        affects,
      ),
    );
  } else if (server.deployment && server.deployment.ready === 0) {
    findings.push(
      platformFinding(
        'velero.server.notReady',
        'critical',
        subject,
        `The Velero server has no ready replica (0/${server.deployment.desired}): no schedule fires`,
        affects,
      ),
    );
  } else if (
    server.deployment &&
    server.deployment.ready < server.deployment.desired
  ) {
    findings.push(
      platformFinding(
        'velero.server.degraded',
        'warning',
        subject,
        `The Velero server has ${server.deployment.ready} of ${server.deployment.desired} replicas ready`,
        affects,
      ),
    );
  }
  const agent = server.nodeAgent;
  if (agent && agent.ready < agent.desired) {
    findings.push(
      platformFinding(
        'velero.nodeAgent.notReady',
        'warning',
        `node-agent (DaemonSet ${velero.namespace}/${agent.name})`,
        `node-agent is ready on ${agent.ready} of ${agent.desired} nodes: file-system backups and data movement of pods on the others fail`,
        affects,
      ),
    );
  }
  return findings;
}
