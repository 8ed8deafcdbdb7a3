import { InputError } from '@backstage/errors';
import {
  LabelOperator,
  LabelRequirement,
  LabelSelector,
  LabelSelectorObject,
} from './LabelSelector';
import { validateRequirement } from './parseLabelSelector';

const OPERATORS: Record<string, LabelOperator> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
};

/**
 * A `metav1.LabelSelector` (matchLabels and matchExpressions) as a parsed
 * selector. An absent object selects everything, as Velero reads it.
 * Throws InputError for what the API server would reject.
 */
export function labelSelectorFromObject(
  object: LabelSelectorObject | undefined | null,
): LabelSelector {
  if (!object) return { requirements: [] };
  const requirements: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(object.matchLabels ?? {})) {
    requirements.push({ key, operator: 'In', values: [String(value)] });
  }
  for (const expression of object.matchExpressions ?? []) {
    const operator = OPERATORS[expression?.operator];
    if (!Object.prototype.hasOwnProperty.call(OPERATORS, expression?.operator))
      throw new InputError(
        `Invalid label selector: operator "${expression?.operator}" is not In, NotIn, Exists or DoesNotExist`,
      );
    const values = expression.values ?? [];
    const setBased = operator === 'In' || operator === 'NotIn';
    if (setBased !== values.length > 0)
      throw new InputError(
        `Invalid label selector: ${operator} on "${expression.key}" ${
          setBased ? 'needs values' : 'takes no values'
        }`,
      );
    requirements.push({ key: expression.key, operator, values });
  }
  requirements.forEach(validateRequirement);
  return { requirements };
}
