-- The array filters (kinds, services, categories) become columns of the search rows' GIN index:
-- a search with such a filter intersects the words' entries with the filter's in the index and
-- reads only the rows matching both, where it read every row matching the words (for a common
-- word, nearly every page of the table) to test the filter on each.
CREATE INDEX "search_postmortems_document_filters_idx" ON "search_postmortems" USING gin ("document","kinds","services","categories");--> statement-breakpoint
DROP INDEX "search_postmortems_document_idx";
