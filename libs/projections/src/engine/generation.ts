import type { Projection } from './projection';

/**
 * One physical build of a projection: a version plus a rebuild number. Rebuild 0 is the plain
 * `${logical}__v${version}`; an explicit rebuild of the same version gets `__v${version}_r${n}`,
 * so the live build keeps serving while the next one fills side by side.
 */
export interface Generation {
  version: number;
  rebuild: number;
}

const PHYSICAL_NAME = /^([a-z][a-z0-9_]*?)__v([1-9][0-9]*)(?:_r([1-9][0-9]*))?$/;

export function generationSuffix(generation: Generation): string {
  return generation.rebuild === 0 ? `v${generation.version}` : `v${generation.version}_r${generation.rebuild}`;
}

export function physicalCollectionName(logical: string, generation: Generation): string {
  return `${logical}__${generationSuffix(generation)}`;
}

/** Inverse of physicalCollectionName; null for a name that is not a projection's physical collection. */
export function parsePhysicalCollectionName(name: string): { logical: string; generation: Generation } | null {
  const match = PHYSICAL_NAME.exec(name);
  if (!match) return null;
  return { logical: match[1], generation: { version: Number(match[2]), rebuild: match[3] ? Number(match[3]) : 0 } };
}

/**
 * Checkpoints belong to a generation, not to the projection: the live build and a rebuild each
 * commit their own checkpoint with their own documents, and switching aliases moves no checkpoint.
 */
export function checkpointName(projection: string, generation: Generation): string {
  return `${projection}@${generationSuffix(generation)}`;
}

/**
 * What a rebuild builds: the next rebuild of the serving generation when it has the code's
 * version, else the code's version from scratch (rebuild 0).
 */
export function nextGeneration(serving: Generation | null, version: number): Generation {
  return serving && serving.version === version ? { version, rebuild: serving.rebuild + 1 } : { version, rebuild: 0 };
}

export function sameGeneration(a: Generation | null, b: Generation | null): boolean {
  return a !== null && b !== null && a.version === b.version && a.rebuild === b.rebuild;
}

/** Logical → physical names of a projection's collections in one generation. */
export function physicalNames(projection: Projection, generation: Generation): Map<string, string> {
  return new Map(projection.collections.map((c) => [c.name, physicalCollectionName(c.name, generation)]));
}
