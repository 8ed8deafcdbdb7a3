import type { CompoundEntityRef } from '@backstage/catalog-model';

/** Where an action on the tab applies: the entity, one of its clusters, and its namespace. */
export type EntityScope = {
  entityRef: CompoundEntityRef;
  cluster: string;
  /** The entity's namespace in the cluster (its `backstage.io/kubernetes-namespace`). */
  namespace: string;
};
