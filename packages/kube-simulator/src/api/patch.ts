import { fail } from './status';

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch; `null` removes a key. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, any> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) fail(422, `invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: any, parts: string[]) {
  let node = doc;
  for (const part of parts.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !(part in node)) {
      fail(422, `the path ${parts.join('/')} does not exist`);
    }
    node = node[part];
  }
  return node;
}

type Operation = { op: string; path: string; value?: unknown; from?: string };

/** RFC 6902 JSON patch: add, remove, replace, test, copy and move. */
export function jsonPatch(document: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) fail(400, 'json patch must be an array');
  const doc = JSON.parse(JSON.stringify(document));
  for (const operation of operations as Operation[]) {
    const parts = pointer(operation.path);
    const last = parts[parts.length - 1];
    const get = (p: string[]) =>
      p.reduce((n: any, k) => (n === undefined ? n : n[k]), doc);
    switch (operation.op) {
      case 'add':
      case 'replace': {
        const parent = parentOf(doc, parts);
        if (operation.op === 'replace' && !(last in parent)) {
          fail(422, `the path ${operation.path} does not exist`);
        }
        if (Array.isArray(parent) && operation.op === 'add') {
          const index = last === '-' ? parent.length : Number(last);
          parent.splice(index, 0, operation.value);
        } else parent[last] = operation.value;
        break;
      }
      case 'remove': {
        const parent = parentOf(doc, parts);
        if (!(last in parent))
          fail(422, `the path ${operation.path} does not exist`);
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
        break;
      }
      case 'test':
        if (JSON.stringify(get(parts)) !== JSON.stringify(operation.value)) {
          fail(422, `test operation failed at ${operation.path}`);
        }
        break;
      case 'copy':
      case 'move': {
        const from = pointer(operation.from ?? '');
        const value = get(from);
        if (operation.op === 'move') {
          const fromParent = parentOf(doc, from);
          delete fromParent[from[from.length - 1]];
        }
        parentOf(doc, parts)[last] = value;
        break;
      }
      default:
        fail(400, `unknown json patch operation "${operation.op}"`);
    }
  }
  return doc;
}
