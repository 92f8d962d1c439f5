/**
 * Search limits, shared with the web app's search box and the CLI. Apart from the search
 * schemas so that the search box in every page's header loads no schema.
 */
export const searchLimits = {
  queryMax: 500,
  pageSizeDefault: 20,
  pageSizeMax: 100,
  /** Deeper pages than this are refused: refine the words or the filters instead. */
  offsetMax: 10_000,
  filterValuesMax: 50,
  viewNameMax: 120,
  /** Saved views one person may keep. */
  viewsPerOwnerMax: 200,
} as const;
