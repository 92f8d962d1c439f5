import { openRuntime, type RuntimeOptions } from '../runtime.ts';

/** Applies pending migrations and exits. */
export async function migrate(options: RuntimeOptions & { json: boolean }): Promise<void> {
  const runtime = await openRuntime(options);
  await runtime.handle.close();
  process.stdout.write(
    options.json ? `${JSON.stringify({ migrated: true })}\n` : 'Database is up to date.\n',
  );
}
