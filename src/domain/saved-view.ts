import type { SearchFilters } from './search.ts';

/** A person's saved search: words and filters, kept private or shared with everyone signed in. */
export interface SavedView {
  id: string;
  ownerId: string;
  ownerName: string;
  name: string;
  q: string;
  filters: SearchFilters;
  shared: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
