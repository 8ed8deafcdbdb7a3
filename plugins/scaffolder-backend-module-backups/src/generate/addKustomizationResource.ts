import { isSeq, parseDocument, YAMLSeq } from 'yaml';
import { yamlText } from './toYaml';

/**
 * Adds a path to a kustomization's `resources` with the yaml Document API, so
 * comments and order survive; a path already listed is not added twice.
 * Returns the new text, or the same text when nothing changed.
 */
export function addKustomizationResource(
  text: string | undefined,
  resource: string,
): string {
  if (text === undefined || text.trim() === '') {
    return yamlText({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: [resource],
    });
  }
  const doc = parseDocument(text);
  if (doc.errors.length)
    throw new Error(`cannot parse kustomization: ${doc.errors[0].message}`);
  const resources = doc.get('resources');
  if (resources === undefined || resources === null) {
    doc.set('resources', doc.createNode([resource]));
    return doc.toString();
  }
  if (!isSeq(resources))
    throw new Error('kustomization resources is not a list');
  const seq = resources as YAMLSeq;
  const normalize = (p: unknown) =>
    String(p).replace(/\/$/, '').replace(/^\.\//, '');
  if (
    seq.items.some(
      item => normalize((item as any)?.value ?? item) === normalize(resource),
    )
  )
    return text;
  seq.add(doc.createNode(resource));
  return doc.toString();
}
