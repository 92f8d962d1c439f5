/** A matched span of the text. */
export interface Span {
  start: number;
  end: number;
}
