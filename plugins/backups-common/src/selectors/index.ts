export type {
  LabelOperator,
  LabelRequirement,
  LabelSelector,
  LabelSelectorObject,
} from './LabelSelector';
export { MAX_LABEL_SELECTOR_LENGTH } from './LabelSelector';
export { parseLabelSelector } from './parseLabelSelector';
export { labelSelectorFromObject } from './labelSelectorFromObject';
export {
  matchesLabelSelector,
  matchesRequirement,
  unmetRequirements,
} from './matchesLabelSelector';
export { formatLabelSelector, formatRequirement } from './formatLabelSelector';
export { labelKeyProblem, labelValueProblem } from './validateLabelParts';
export { toLabelSelectorObject } from './toLabelSelectorObject';
