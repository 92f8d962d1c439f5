import { z } from 'zod';

/** Answer of `GET /policy/source` (admins): where the effective policy came from. */
export const policySourceSchema = z.object({
  data: z.object({
    /** The policy file laid over the built-in policy, or null for the built-in policy alone. */
    file: z.string().nullable(),
    /** How the file was named: the `--policy` flag or the `DEBRIEF_POLICY` variable. */
    via: z.enum(['flag', 'environment']).nullable(),
    /** Top-level settings the file sets; the others are the built-in defaults. */
    keysFromFile: z.array(z.string()),
  }),
});
