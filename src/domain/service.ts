/** A component of the system, with the services it depends on. */
export interface Service {
  name: string;
  description: string;
  dependsOn: string[];
  version: number;
  createdAt: Date;
}
