import type { Service } from '../../domain/service.ts';
import { servicesRepository } from '../../storage/repositories/services-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** The whole service catalogue, by name; every signed-in account may read it. */
export async function listServices(deps: AppDeps): Promise<Service[]> {
  return servicesRepository.listServices(deps.db);
}
