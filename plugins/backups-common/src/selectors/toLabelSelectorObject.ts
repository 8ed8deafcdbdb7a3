import { InputError } from '@backstage/errors';
import { formatRequirement } from './formatLabelSelector';
import { LabelSelector, LabelSelectorObject } from './LabelSelector';

type MatchExpression = NonNullable<
  LabelSelectorObject['matchExpressions']
>[number];

/**
 * A parsed selector as the `metav1.LabelSelector` a Velero Schedule's
 * template holds: `key=value` terms as `matchLabels`, set-based requirements
 * (`in`, `notin`, `key`, `!key`) as `matchExpressions`. Throws InputError for
 * `>` and `<`, which only the string form knows, and for a key that must
 * equal two values (such a selector selects nothing).
 */
export function toLabelSelectorObject(
  selector: LabelSelector,
): LabelSelectorObject {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: MatchExpression[] = [];
  for (const r of selector.requirements) {
    const { key, operator, values } = r;
    if (operator === 'Gt' || operator === 'Lt') {
      const term = formatRequirement(r);
      throw new InputError(
        `Invalid label selector: > and < (in "${term}") have no Gt or Lt operator in a LabelSelector object (matchLabels, matchExpressions); only the string form has them`,
      );
    }
    if (operator === 'In' && values.length === 1) {
      const known = Object.prototype.hasOwnProperty.call(matchLabels, key);
      if (known && matchLabels[key] !== values[0]) {
        throw new InputError(
          `Invalid label selector: "${key}" must equal both "${matchLabels[key]}" and "${values[0]}", so it selects nothing`,
        );
      }
      matchLabels[key] = values[0];
    } else if (operator === 'In' || operator === 'NotIn') {
      matchExpressions.push({ key, operator, values });
    } else {
      matchExpressions.push({ key, operator });
    }
  }
  return {
    ...(Object.keys(matchLabels).length ? { matchLabels } : {}),
    ...(matchExpressions.length ? { matchExpressions } : {}),
  };
}
