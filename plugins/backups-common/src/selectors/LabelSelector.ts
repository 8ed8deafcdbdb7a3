/** The operators of a Kubernetes label requirement (`=`/`==` are `In`, `!=` is `NotIn`). */
export type LabelOperator =
  | 'In'
  | 'NotIn'
  | 'Exists'
  | 'DoesNotExist'
  | 'Gt'
  | 'Lt';

/** One requirement of a selector; every requirement must hold. */
export type LabelRequirement = {
  key: string;
  operator: LabelOperator;
  values: string[];
};

/**
 * A parsed label selector. No requirements means "everything", which is what
 * Velero does with an absent `labelSelector`.
 */
export type LabelSelector = { requirements: LabelRequirement[] };

/** A `metav1.LabelSelector` as it appears in a manifest. */
export type LabelSelectorObject = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
};

/** Longest selector string accepted; Kubernetes URLs and annotations stay far below it. */
export const MAX_LABEL_SELECTOR_LENGTH = 4096;
