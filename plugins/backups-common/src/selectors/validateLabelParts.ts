const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key is invalid (Kubernetes' qualified name), or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (
    prefix !== undefined &&
    (!DNS_SUBDOMAIN.test(prefix) || prefix.length > 253)
  )
    return `"${key}" has an invalid prefix: it must be a DNS subdomain of at most 253 characters`;
  if (!name || name.length > 63 || !NAME.test(name))
    return `"${key}" is not a valid label key: a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  return undefined;
}

/** Why a label value is invalid, or undefined. The empty value is valid. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !NAME.test(value))
    return `"${value}" is not a valid label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  return undefined;
}
