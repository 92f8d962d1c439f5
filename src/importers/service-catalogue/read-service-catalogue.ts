import { parseAllDocuments } from 'yaml';
import { DomainError } from '../../domain/errors.ts';

/** One service as `debrief services import` writes it. */
export interface CatalogueService {
  name: string;
  description?: string;
  dependsOn: string[];
  team?: string | null;
}

/** What a set of catalogue files holds, and what of them was left out. */
export interface ServiceCatalogue {
  services: CatalogueService[];
  /** Entities or references that are not services (a Group, an API), with where and why. */
  skipped: Array<{ where: string; reason: string }>;
}

/** Backstage kinds that are services here: what runs, what it stores in, what groups them. */
const serviceKinds = new Set(['component', 'resource', 'system']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * An entity reference as Backstage writes it (`component:default/payments-db`,
 * `resource:payments-db`, `payments-db`) → its kind (if written) and name.
 */
function readRef(ref: string): { kind?: string; name: string } {
  const match = /^(?:([A-Za-z]+):)?(?:[^/:]+\/)?([^/:]+)$/.exec(ref.trim());
  return match?.[2] ? { kind: match[1]?.toLowerCase(), name: match[2] } : { name: ref.trim() };
}

function invalid(where: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', `${where}: ${message}`, {
    details: { errors: [{ path: where, code: 'invalid_catalogue', message }] },
  });
}

/** Debrief's own catalogue JSON, with `depends_on` read as `dependsOn`. */
function readOwnJson(path: string, text: string): CatalogueService[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid(path, 'not valid JSON');
  }
  if (!isObject(parsed) || !Array.isArray(parsed.services)) {
    return invalid(path, 'expected { "services": [...] }');
  }
  return parsed.services.map((entry) => {
    if (!isObject(entry) || !('depends_on' in entry)) {
      return entry as unknown as CatalogueService;
    }
    const { depends_on: dependsOn, ...rest } = entry;
    return { ...rest, dependsOn } as unknown as CatalogueService;
  });
}

/**
 * Reads service catalogue files: Debrief's JSON (`{ services: [{ name, dependsOn }] }`, also
 * with `depends_on`) or Backstage `catalog-info.yaml` (several entities per file). From
 * Backstage: every Component, Resource and System is a service (its `metadata.name` and
 * `description`); `spec.dependsOn` and `spec.dependencyOf` become dependencies; a System depends
 * on the components and resources whose `spec.system` names it (it fails when they do); the
 * team is the name of `spec.owner` when it is a group. Other kinds (Group, User, API, Domain,
 * Location) and references to them are listed as skipped. Pure: the caller reads the files.
 * Field-level checks (names, unknown dependencies) are the import's.
 */
export function readServiceCatalogue(
  files: ReadonlyArray<{ path: string; text: string }>,
): ServiceCatalogue {
  const services = new Map<string, CatalogueService>();
  const skipped: ServiceCatalogue['skipped'] = [];
  const members: Array<{ system: string; member: string }> = [];
  const reverse: Array<{ from: string; to: string }> = [];
  const own: CatalogueService[] = [];
  for (const file of files) {
    if (/\.json$/i.test(file.path) || file.text.trimStart().startsWith('{')) {
      own.push(...readOwnJson(file.path, file.text));
      continue;
    }
    const documents = parseAllDocuments(file.text);
    for (const [index, document] of (Array.isArray(documents)
      ? documents
      : [documents]
    ).entries()) {
      const where = `${file.path}#${index + 1}`;
      if (document.errors.length > 0) {
        invalid(where, document.errors[0]?.message ?? 'not valid YAML');
      }
      const entity: unknown = document.toJS();
      if (entity === null || entity === undefined) {
        continue;
      }
      if (!isObject(entity) || !isObject(entity.metadata)) {
        invalid(where, 'not a Backstage entity (no metadata)');
      }
      const kind = (str(entity.kind) ?? '').toLowerCase();
      const name = str(entity.metadata.name);
      if (!name) {
        invalid(where, 'metadata.name is missing');
      }
      if (!serviceKinds.has(kind)) {
        skipped.push({
          where,
          reason: `${str(entity.kind) ?? 'no kind'} ${name} is not a service`,
        });
        continue;
      }
      const spec = isObject(entity.spec) ? entity.spec : {};
      const dependsOn: string[] = [];
      for (const ref of Array.isArray(spec.dependsOn) ? spec.dependsOn : []) {
        const target = readRef(String(ref));
        if (target.kind && !serviceKinds.has(target.kind)) {
          skipped.push({ where, reason: `${name} depends on ${String(ref)}, not a service` });
        } else if (!dependsOn.includes(target.name)) {
          dependsOn.push(target.name);
        }
      }
      for (const ref of Array.isArray(spec.dependencyOf) ? spec.dependencyOf : []) {
        reverse.push({ from: readRef(String(ref)).name, to: name });
      }
      const system = str(spec.system);
      if (system && kind !== 'system') {
        members.push({ system: readRef(system).name, member: name });
      }
      const owner = str(spec.owner) ? readRef(String(spec.owner)) : undefined;
      services.set(name, {
        name,
        ...(str(entity.metadata.description)
          ? { description: str(entity.metadata.description) }
          : {}),
        dependsOn,
        team: owner && (owner.kind === undefined || owner.kind === 'group') ? owner.name : null,
      });
    }
  }
  const addDependency = (from: string, to: string) => {
    const service = services.get(from);
    if (service && !service.dependsOn.includes(to) && from !== to) {
      service.dependsOn.push(to);
    }
  };
  for (const { system, member } of members) {
    addDependency(system, member);
  }
  for (const { from, to } of reverse) {
    addDependency(from, to);
  }
  return { services: [...own, ...services.values()], skipped };
}
