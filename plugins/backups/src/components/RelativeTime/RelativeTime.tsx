import { formatAbsolute, formatRelative } from '../../utils/formatTime';

/** "3 hours ago", with the exact time in the viewer's zone on hover. */
export function RelativeTime(props: { time?: string | null }) {
  return (
    <span title={formatAbsolute(props.time)}>{formatRelative(props.time)}</span>
  );
}
