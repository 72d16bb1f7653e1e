import type { ReadStore } from '@channel-ledger/read-store';
import { describeError } from './errors';
import {
  checkpointName,
  Generation,
  generationSuffix,
  parsePhysicalCollectionName,
  physicalCollectionName,
  sameGeneration,
} from './generation';
import type { ProjectionLogger } from './logger';
import type { Projection } from './projection';

/**
 * Which generation of a projection readers see. Each logical collection name is an alias of one
 * physical collection, and all of a projection's aliases name the same generation, except while a
 * switch moves them one by one. The first collection's alias moves last: it is the commit point,
 * so after a crash the generation it names is the serving one, and the others are put back beside it.
 */
export class GenerationAliases {
  constructor(
    private readonly projection: Projection,
    private readonly readStore: ReadStore,
    private readonly logger: ProjectionLogger,
  ) {}

  /**
   * The serving generation (null before the first build), with any alias an interrupted switch
   * left elsewhere pointed back at it. `complete`: every collection the code declares exists in it.
   */
  async serving(): Promise<{ generation: Generation | null; complete: boolean }> {
    const aliases = new Map((await this.readStore.listAliases()).map((alias) => [alias.logical, alias.physical]));
    const physical = await this.physicalCollections();
    const first = this.projection.collections[0].name;
    const parsed = aliases.has(first) ? parsePhysicalCollectionName(aliases.get(first)!) : null;
    const generation = parsed && parsed.logical === first ? parsed.generation : null;
    if (generation === null) return { generation, complete: false };
    let complete = true;
    for (const collection of this.projection.collections) {
      const name = physicalCollectionName(collection.name, generation);
      if (!physical.has(name)) complete = false;
      else if (aliases.get(collection.name) !== name) await this.readStore.setAlias(collection.name, name);
    }
    return { generation, complete };
  }

  /** Moves every alias to `generation`, each atomically, the first collection's last (the commit point). */
  async pointAt(generation: Generation): Promise<void> {
    const [first, ...rest] = this.projection.collections;
    for (const collection of [...rest, first]) {
      await this.readStore.setAlias(collection.name, physicalCollectionName(collection.name, generation));
    }
  }

  /** Drops every generation of the projection but `keep`: what a crash or a stop left of a rebuild. */
  async dropAllBut(keep: Generation | null): Promise<void> {
    const logicalNames = new Set(this.projection.collections.map((collection) => collection.name));
    const leftovers = new Map<string, Generation>();
    for (const name of await this.physicalCollections()) {
      const candidate = parsePhysicalCollectionName(name);
      if (!candidate || !logicalNames.has(candidate.logical) || sameGeneration(candidate.generation, keep)) continue;
      leftovers.set(generationSuffix(candidate.generation), candidate.generation);
    }
    for (const generation of leftovers.values()) await this.drop(generation);
  }

  /**
   * Drops a generation's collections and checkpoint. Only tidying: what cannot be dropped (a
   * collection still aliased, an unreachable store) is logged and left for the next start.
   */
  async drop(generation: Generation): Promise<void> {
    for (const collection of this.projection.collections) {
      const name = physicalCollectionName(collection.name, generation);
      await this.tidy(`drop ${name}`, () => this.readStore.dropCollection(name));
    }
    const checkpoint = checkpointName(this.projection.name, generation);
    await this.tidy(`delete checkpoint ${checkpoint}`, () => this.readStore.deleteCheckpoint(checkpoint));
  }

  private async physicalCollections(): Promise<Set<string>> {
    return new Set((await this.readStore.listCollections()).map((collection) => collection.name));
  }

  private async tidy(what: string, action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.logger.error(`projection ${this.projection.name}: could not ${what}: ${describeError(error)}`);
    }
  }
}
