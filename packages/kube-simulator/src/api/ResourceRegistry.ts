import {
  builtInResourceTypes,
  customResourceTypes,
  groupVersion,
  ResourceType,
} from './resourceTypes';

/** The kinds one simulated cluster serves: built-ins plus the installed CRD groups. */
export class ResourceRegistry {
  readonly #types: ResourceType[];

  static create(options: { missingGroups?: string[] } = {}): ResourceRegistry {
    const missing = new Set(options.missingGroups ?? []);
    return new ResourceRegistry([
      ...builtInResourceTypes,
      ...customResourceTypes.filter(t => !missing.has(t.group)),
    ]);
  }

  private constructor(types: ResourceType[]) {
    this.#types = types;
  }

  /** The same cluster with these groups' CRDs removed (a missing-group fault). */
  without(groups: string[]): ResourceRegistry {
    if (groups.length === 0) return this;
    const missing = new Set(groups);
    return new ResourceRegistry(this.#types.filter(t => !missing.has(t.group)));
  }

  all(): ResourceType[] {
    return this.#types;
  }

  byPlural(group: string, version: string, plural: string) {
    return this.#types.find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
  }

  byKind(apiVersion: string, kind: string) {
    return this.#types.find(
      t => groupVersion(t) === apiVersion && t.kind === kind,
    );
  }

  groups(): Map<string, ResourceType[]> {
    const groups = new Map<string, ResourceType[]>();
    for (const t of this.#types) {
      groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
    }
    return groups;
  }
}
