/** A component of the system, with the services it depends on. */
export interface Service {
  name: string;
  description: string;
  dependsOn: string[];
  /** The team that owns it (free text, as the organisation names its teams); metrics group by it. */
  team: string | null;
  /** The account told when minor incidents on it keep coming back. */
  ownerUserId: string | null;
  version: number;
  createdAt: Date;
}
