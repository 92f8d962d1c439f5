const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed record id (a UUID); anything else in an address is "not found". */
export function isRecordId(value: string | undefined): value is string {
  return value !== undefined && uuidPattern.test(value);
}
