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
