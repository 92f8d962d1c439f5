import type { ServiceDto } from '../../../contracts/services.ts';
import type { Service } from '../../../domain/service.ts';
import type { Actor } from '../../../domain/user.ts';

/** A catalogue service for the API, with what the viewer may do with it. */
export function presentService(service: Service, viewer: Actor) {
  const data: ServiceDto = {
    name: service.name,
    description: service.description,
    dependsOn: service.dependsOn,
    team: service.team,
    ownerUserId: service.ownerUserId,
    version: service.version,
    createdAt: service.createdAt.toISOString(),
  };
  const writer = viewer.role === 'admin' || viewer.role === 'member';
  return { data, abilities: { update: writer, remove: writer } };
}
