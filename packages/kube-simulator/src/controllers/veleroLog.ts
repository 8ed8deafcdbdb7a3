/** A line of Velero's per-backup or per-restore log (logrus text format). */
export type LogLevel = 'info' | 'warning' | 'error';

/** logrus quotes a value unless it is made of these characters only. */
const BARE = /^[A-Za-z0-9\-._/@^+]+$/;

function value(text: string | number): string {
  const s = String(text);
  return BARE.test(s) ? s : JSON.stringify(s);
}

/**
 * `time="…" level=info msg="…" key=value …`, the fields after msg sorted
 * by key as logrus' TextFormatter sorts them. Velero writes these lines to
 * `<backup>-logs.gz` and `restore-<restore>-logs.gz`; an object's name may
 * appear in them, never a Secret's data.
 */
export function logLine(
  time: string,
  level: LogLevel,
  msg: string,
  fields: Record<string, string | number | undefined> = {},
): string {
  const rest = Object.keys(fields)
    .filter(k => fields[k] !== undefined)
    .sort()
    .map(k => `${k}=${value(fields[k]!)}`);
  return [
    `time=${JSON.stringify(time)}`,
    `level=${level}`,
    `msg=${JSON.stringify(msg)}`,
    ...rest,
  ].join(' ');
}

/** Velero's results.Result: messages for Velero itself, cluster-scoped items and each namespace. */
export type ResultSet = {
  velero?: string[];
  cluster?: string[];
  namespaces?: Record<string, string[]>;
};

/** `<backup>-results.gz` and `restore-<restore>-results.gz`. */
export type VeleroResults = { errors: ResultSet; warnings: ResultSet };

export function addResult(set: ResultSet, namespace: string, message: string) {
  if (!namespace) {
    set.cluster = [...(set.cluster ?? []), message];
    return;
  }
  set.namespaces = {
    ...set.namespaces,
    [namespace]: [...(set.namespaces?.[namespace] ?? []), message],
  };
}

export function resultCount(set: ResultSet): number {
  return (
    (set.velero?.length ?? 0) +
    (set.cluster?.length ?? 0) +
    Object.values(set.namespaces ?? {}).reduce((n, l) => n + l.length, 0)
  );
}
