import { z } from 'zod';

/** One row as dumped: every column a string or null. */
const rowSchema = z.record(z.string(), z.string().nullable());
export type DispatchRow = z.infer<typeof rowSchema>;

/** One table of the Dispatch sample database, converted from its SQL dump to JSON. */
export const dispatchTableSchema = z.looseObject({
  _source_table: z.string().regex(/^dispatch_[\w]+\.[\w]+$/),
  rows: z.array(rowSchema),
});
export type DispatchTable = z.infer<typeof dispatchTableSchema>;
