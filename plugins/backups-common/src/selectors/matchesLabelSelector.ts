import { LabelRequirement, LabelSelector } from './LabelSelector';

function has(labels: Record<string, string>, key: string) {
  // Own keys only: "constructor" or "__proto__" must not match by inheritance.
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** Whether one requirement holds for a set of labels. */
export function matchesRequirement(
  requirement: LabelRequirement,
  labels: Record<string, string>,
): boolean {
  const { key, operator, values } = requirement;
  const present = has(labels, key);
  switch (operator) {
    case 'In':
      return present && values.includes(labels[key]);
    case 'NotIn':
      return !present || !values.includes(labels[key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    case 'Gt':
    case 'Lt': {
      if (!present || !/^-?\d+$/.test(labels[key])) return false;
      const actual = Number(labels[key]);
      const bound = Number(values[0]);
      return operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

/** Whether labels satisfy every requirement of a selector. */
export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  return selector.requirements.every(r => matchesRequirement(r, labels ?? {}));
}

/** The requirements the labels fail, e.g. to tell what label to add. */
export function unmetRequirements(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): LabelRequirement[] {
  return selector.requirements.filter(
    r => !matchesRequirement(r, labels ?? {}),
  );
}
