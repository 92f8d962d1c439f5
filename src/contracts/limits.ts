/** Size limits shared by the API validation and the web forms. */
export const limits = {
  titleMax: 200,
  shortTextMax: 500,
  longTextMax: 20_000,
  sectionMax: 100_000,
  servicesMax: 50,
  serviceNameMax: 100,
  nameMax: 120,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
  pageSizeDefault: 50,
  pageSizeMax: 200,
  /** Request bodies above this many bytes are refused with 413. */
  bodyBytesMax: 1_048_576,
} as const;
