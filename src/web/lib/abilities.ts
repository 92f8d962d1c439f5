/** What the viewer may do with a record, as the server says. */
export type Abilities = Record<string, boolean>;

/** True only when the server granted `ability`; unknown abilities are denied. */
export function can(abilities: Abilities | undefined, ability: string): boolean {
  return abilities?.[ability] === true;
}
