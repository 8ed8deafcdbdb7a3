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

/** Applies selectors, then `limit`/`continue` paging in a stable order. */
export function listPage(
  objects: KubeObject[],
  query: ListQuery,
  resourceVersion: number,
) {
  const matching = objects
    .filter(selectorFilter(query))
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  let start = 0;
  if (query.continueToken) {
    let after: string;
    try {
      after = JSON.parse(
        Buffer.from(query.continueToken, 'base64').toString('utf8'),
      ).after;
      if (typeof after !== 'string') throw new Error('bad token');
    } catch {
      return fail(
        400,
        'continue key is not valid: illegal base64 data or malformed continue token',
      );
    }
    start = matching.findIndex(o => sortKey(o) > after);
    if (start < 0) start = matching.length;
  }
  const limit = query.limit && query.limit > 0 ? query.limit : matching.length;
  const items = matching.slice(start, start + limit);
  const remaining = matching.length - start - items.length;
  const metadata: Record<string, unknown> = {
    resourceVersion: String(resourceVersion),
  };
  if (remaining > 0 && items.length > 0) {
    metadata.continue = Buffer.from(
      JSON.stringify({
        after: sortKey(items[items.length - 1]),
        rv: resourceVersion,
      }),
    ).toString('base64');
    metadata.remainingItemCount = remaining;
  }
  return { items, metadata };
}
