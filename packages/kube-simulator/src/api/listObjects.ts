import {
  matchesLabelSelector,
  parseLabelSelector,
} from '@internal/plugin-backups-common';
import { KubeObject } from '../store/KubeObject';
import { matchesFields, parseFieldSelector } from './fieldSelector';
import { fail } from './status';

export type ListQuery = {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continueToken?: string;
};

function parseOr400<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // The shared parser says "Invalid label selector: …"; the API server
    // answers 400 BadRequest "unable to parse requirement: …".
    const detail = (error as Error).message.replace(
      /^Invalid label selector: /,
      '',
    );
    return fail(400, `unable to parse requirement: ${detail}`);
  }
}

/** Builds the object filter of a LIST or WATCH; bad selectors answer 400. */
export function selectorFilter(query: ListQuery): (o: KubeObject) => boolean {
  const labels = parseOr400(() =>
    parseLabelSelector(query.labelSelector ?? ''),
  );
  const fields = parseOr400(() =>
    parseFieldSelector(query.fieldSelector ?? ''),
  );
  return o =>
    matchesLabelSelector(labels, o.metadata.labels) &&
    matchesFields(fields, o.metadata);
}

function sortKey(o: KubeObject) {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

type ContinueKey = { after: string; rv: number; page: number };

function decodeContinue(token: string): ContinueKey | undefined {
  try {
    const key = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof key?.after !== 'string') return undefined;
    return {
      after: key.after,
      rv: Number(key.rv) || 0,
      page: Number.isInteger(key.page) && key.page > 1 ? key.page : 2,
    };
  } catch {
    return undefined;
  }
}

/** A continue token that resumes after `after`; it fetches page `page`. */
export function encodeContinue(key: ContinueKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64');
}

/**
 * Which page of a LIST a request asks for: 1 without a continue token, else
 * the number the token carries; undefined for a malformed token.
 */
export function listPageNumber(
  continueToken: string | undefined,
): number | undefined {
  if (!continueToken) return 1;
  return decodeContinue(continueToken)?.page;
}

/** etcd's order: keys compared byte by byte, not by locale. */
export function byKey(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * Applies selectors, then `limit`/`continue` paging in a stable order. The
 * objects are not copied: the page holds the very objects given. `sorted`:
 * they are in etcd's order already (the store's), so need no sort.
 */
export function listPage(
  objects: readonly KubeObject[],
  query: ListQuery,
  resourceVersion: number,
  options: { sorted?: boolean } = {},
) {
  const matches = selectorFilter(query);
  let matching =
    query.labelSelector || query.fieldSelector
      ? objects.filter(matches)
      : objects;
  if (!options.sorted)
    matching = [...matching].sort((a, b) => byKey(sortKey(a), sortKey(b)));
  let start = 0;
  let page = 1;
  if (query.continueToken) {
    const key = decodeContinue(query.continueToken);
    if (!key) {
      return fail(
        400,
        'continue key is not valid: illegal base64 data or malformed continue token',
      );
    }
    page = key.page;
    start = firstAfter(matching, key.after);
  }
  const limit = query.limit && query.limit > 0 ? query.limit : matching.length;
  const items = matching.slice(start, start + limit);
  const remaining = matching.length - start - items.length;
  const metadata: Record<string, unknown> = {
    resourceVersion: String(resourceVersion),
  };
  if (remaining > 0 && items.length > 0) {
    metadata.continue = encodeContinue({
      after: sortKey(items[items.length - 1]),
      rv: resourceVersion,
      page: page + 1,
    });
    metadata.remainingItemCount = remaining;
  }
  return { items, metadata };
}

/** The index of the first object after the key `after` in sorted objects. */
function firstAfter(sorted: readonly KubeObject[], after: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sortKey(sorted[mid]) > after) high = mid;
    else low = mid + 1;
  }
  return low;
}
