import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Service } from '../../domain/service.ts';
import type { UserRole } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { serviceDependencies, services, users } from '../schema.ts';

/** The service catalogue and its `depends_on` edges. Authorization happens in the use case. */
export const servicesRepository = {
  /** Every service with its dependencies, by name. */
  async listServices(db: Database): Promise<Service[]> {
    const rows = await db.select().from(services).orderBy(asc(services.name));
    const edges = await db
      .select()
      .from(serviceDependencies)
      .orderBy(asc(serviceDependencies.dependsOnName));
    const byService = new Map<string, string[]>();
    for (const edge of edges) {
      byService.set(edge.serviceName, [
        ...(byService.get(edge.serviceName) ?? []),
        edge.dependsOnName,
      ]);
    }
    return rows.map((row) => ({ ...row, dependsOn: byService.get(row.name) ?? [] }));
  },

  /** One service with its dependencies, `undefined` when unknown; `forUpdate` locks the row. */
  async findService(
    db: Database,
    name: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Service | undefined> {
    const query = db.select().from(services).where(eq(services.name, name));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    if (!row) {
      return undefined;
    }
    const edges = await db
      .select({ name: serviceDependencies.dependsOnName })
      .from(serviceDependencies)
      .where(eq(serviceDependencies.serviceName, name))
      .orderBy(asc(serviceDependencies.dependsOnName));
    return { ...row, dependsOn: edges.map((e) => e.name) };
  },

  /** The subset of `names` that exist in the catalogue. */
  async existingNames(db: Database, names: readonly string[]): Promise<Set<string>> {
    if (names.length === 0) {
      return new Set();
    }
    const rows = await db
      .select({ name: services.name })
      .from(services)
      .where(inArray(services.name, [...names]));
    return new Set(rows.map((r) => r.name));
  },

  /** Creates a service (without edges); ALREADY_EXISTS surfaces from the primary key. */
  async insertService(
    db: Database,
    values: {
      name: string;
      description: string;
      team: string | null;
      ownerUserId: string | null;
      createdAt: Date;
    },
  ): Promise<void> {
    await db.insert(services).values(values);
  },

  /**
   * Replaces the description and ownership and bumps the version, only if the version is still `expected`.
   * Returns the new version, or `undefined` when the row moved on (the caller reports it).
   */
  async updateService(
    db: Database,
    name: string,
    expectedVersion: number,
    fields: { description: string; team: string | null; ownerUserId: string | null },
  ): Promise<number | undefined> {
    const [row] = await db
      .update(services)
      .set({ ...fields, version: sql`${services.version} + 1` })
      .where(and(eq(services.name, name), eq(services.version, expectedVersion)))
      .returning({ version: services.version });
    return row?.version;
  },

  /** The enabled accounts that own services, each with the names of the services they own. */
  async listOwners(
    db: Database,
  ): Promise<Array<{ id: string; role: UserRole; services: string[] }>> {
    const rows = await db
      .select({ id: users.id, role: users.role, service: services.name })
      .from(services)
      .innerJoin(users, eq(users.id, services.ownerUserId))
      .where(eq(users.disabled, false))
      .orderBy(asc(users.id), asc(services.name));
    const owners = new Map<string, { id: string; role: UserRole; services: string[] }>();
    for (const row of rows) {
      const owner = owners.get(row.id) ?? { id: row.id, role: row.role as UserRole, services: [] };
      owner.services.push(row.service);
      owners.set(row.id, owner);
    }
    return [...owners.values()];
  },

  /** Sets the services `name` depends on, replacing the previous list. */
  async replaceDependencies(db: Database, name: string, dependsOn: readonly string[]) {
    await db.delete(serviceDependencies).where(eq(serviceDependencies.serviceName, name));
    if (dependsOn.length > 0) {
      await db
        .insert(serviceDependencies)
        .values(dependsOn.map((dependsOnName) => ({ serviceName: name, dependsOnName })));
    }
  },

  /** Deletes a service at the expected version (its edges go with it); false when it moved on. */
  async removeService(db: Database, name: string, expectedVersion: number): Promise<boolean> {
    const rows = await db
      .delete(services)
      .where(and(eq(services.name, name), eq(services.version, expectedVersion)))
      .returning({ name: services.name });
    return rows.length > 0;
  },
};
