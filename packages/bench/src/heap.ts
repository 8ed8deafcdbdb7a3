import type { KubeItem } from '@internal/plugin-backups-node';

const gc = (globalThis as { gc?: () => void }).gc;

/** Whether the process runs with --expose-gc (heap figures need it). */
export const canWeighHeap = gc !== undefined;

/** Heap in use after full collections (bytes). */
export async function settledHeap(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise(r => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

/** Bytes per copy that `count` fresh copies of `make()` keep on the heap. */
async function bytesPerCopy(make: () => unknown, count: number) {
  const before = await settledHeap();
  const kept = Array.from({ length: count }, make);
  const after = await settledHeap();
  if (kept.length !== count) throw new Error('unreachable');
  return (after - before) / count;
}

type Part = { name: string; drop: (item: any) => void };

/** The parts of a cached Backup whose weight is worth knowing. */
const PARTS: Part[] = [
  { name: 'metadata.labels', drop: i => delete i.metadata.labels },
  {
    name: 'metadata (name, namespace, creationTimestamp, generation, resourceVersion)',
    drop: i => {
      for (const k of [
        'name',
        'namespace',
        'creationTimestamp',
        'generation',
        'resourceVersion',
      ])
        delete i.metadata[k];
    },
  },
  {
    name: 'spec (includedNamespaces, storageLocation)',
    drop: i => delete i.spec,
  },
  {
    name: 'status timestamps (start, completion, expiration)',
    drop: i => {
      for (const k of ['startTimestamp', 'completionTimestamp', 'expiration'])
        delete i.status[k];
    },
  },
  {
    name: 'status.progress and counters',
    drop: i => {
      for (const k of Object.keys(i.status))
        if (
          k === 'progress' ||
          /Attempted|Completed|Failed$|^errors$|^warnings$/.test(k)
        )
          delete i.status[k];
    },
  },
  { name: 'status.hookStatus', drop: i => delete i.status.hookStatus },
  { name: 'status.phase', drop: i => delete i.status.phase },
];

export type HeapBreakdown = {
  /** A cached Backup as JSON, in bytes. */
  jsonBytes: number;
  /** One projected Backup, alone, in an array. */
  itemBytes: number;
  /** What each part adds to an item. */
  parts: Array<{ name: string; bytes: number }>;
};

/**
 * Weighs cached Backups part by part: fresh copies (parsed from JSON, as a
 * list page's objects are) of a real cached item, whole and without each
 * part in turn.
 */
export async function weighBackup(
  item: KubeItem,
  count = 20_000,
): Promise<HeapBreakdown> {
  const json = JSON.stringify(item);
  const itemBytes = await bytesPerCopy(() => JSON.parse(json), count);
  const parts = [];
  for (const part of PARTS) {
    const reduced = JSON.parse(json);
    part.drop(reduced);
    const text = JSON.stringify(reduced);
    const without = await bytesPerCopy(() => JSON.parse(text), count);
    parts.push({ name: part.name, bytes: itemBytes - without });
  }
  return { jsonBytes: json.length, itemBytes, parts };
}
