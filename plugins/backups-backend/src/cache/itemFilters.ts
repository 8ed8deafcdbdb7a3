import {
  matchesLabelSelector,
  parseLabelSelector,
  type LabelSelector,
} from '@internal/plugin-backups-common';
import { KubeItem } from '../cluster/ClusterState';

const MAX_PARSED = 1000;
const parsed = new Map<string, LabelSelector>();

/**
 * A label selector, parsed once: the overview asks the same few selectors on
 * every request, and parsing is the costly part of matching.
 */
export function cachedLabelSelector(text: string): LabelSelector {
  let selector = parsed.get(text);
  if (!selector) {
    selector = parseLabelSelector(text);
    // A bound, so that arbitrary selectors cannot grow it without limit.
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, selector);
  }
  return selector;
}

export function labelFilter(
  text: string | undefined,
): ((item: KubeItem) => boolean) | undefined {
  if (!text) return undefined;
  const selector = cachedLabelSelector(text);
  return item => matchesLabelSelector(selector, item.metadata.labels);
}

/**
 * The field selectors the API server supports on every kind, which are the
 * only ones the readers use: `metadata.name` and `metadata.namespace`, with
 * `=`, `==` or `!=`. Anything else is undefined, and is answered by a LIST.
 */
export function fieldFilter(
  text: string | undefined,
): ((item: KubeItem) => boolean) | undefined | 'unsupported' {
  if (!text) return undefined;
  const tests: Array<(item: KubeItem) => boolean> = [];
  for (const part of text.split(',')) {
    const match = part
      .trim()
      .match(/^metadata\.(name|namespace)\s*(==|=|!=)\s*([^=!,\s]*)$/);
    if (!match) return 'unsupported';
    const [, field, operator, value] = match;
    const read = (item: KubeItem) =>
      (field === 'name' ? item.metadata.name : item.metadata.namespace) ?? '';
    tests.push(
      operator === '!='
        ? item => read(item) !== value
        : item => read(item) === value,
    );
  }
  return item => tests.every(test => test(item));
}
