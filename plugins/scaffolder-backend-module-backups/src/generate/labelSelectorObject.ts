import {
  LabelSelectorObject,
  parseLabelSelector,
  toLabelSelectorObject,
} from '@internal/plugin-backups-common';

/** A selector string (Kubernetes grammar) as a Velero Schedule's `labelSelector`; throws InputError. */
export function veleroLabelSelector(text: string): LabelSelectorObject {
  return toLabelSelectorObject(parseLabelSelector(text));
}
