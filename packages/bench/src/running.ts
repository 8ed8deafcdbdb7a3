/** Stops of everything the bench started that outlives it if left (processes). */
const stops = new Set<() => Promise<void>>();

/** Registers a stop; the function returned forgets it again. */
export function track(stop: () => Promise<void>): () => void {
  stops.add(stop);
  return () => {
    stops.delete(stop);
  };
}

/** Stops everything still running (on Ctrl-C, or a failure). */
export async function stopAll(): Promise<void> {
  await Promise.allSettled([...stops].map(stop => stop()));
  stops.clear();
}
