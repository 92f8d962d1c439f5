/**
 * The value given after the option `name` on the command line (`--rounds 5` → `'5'`), or
 * undefined when the option is not there.
 */
export function argument(name: string, argv: readonly string[] = process.argv): string | undefined {
  // From index 2 on: the first two are Node and the script.
  const at = argv.indexOf(name, 2);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** The number given after the option `name`, or `fallback` when the option is not there. */
export function numberArgument(
  name: string,
  fallback: number,
  argv: readonly string[] = process.argv,
): number {
  return Number(argument(name, argv) ?? fallback);
}
