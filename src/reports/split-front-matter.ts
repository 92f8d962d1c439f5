/** A document split at its YAML front matter (`---` on the first line and on a later line). */
export interface SplitDocument {
  frontMatter: string | null;
  body: string;
  /** 1-based line number of the body's first line in the whole document. */
  bodyLine: number;
}

/** Splits a Markdown document into its front matter (if any) and body. */
export function splitFrontMatter(text: string): SplitDocument {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('---\n')) {
    return { frontMatter: null, body: normalised, bodyLine: 1 };
  }
  const end = normalised.indexOf('\n---\n', 3);
  if (end < 0) {
    return { frontMatter: null, body: normalised, bodyLine: 1 };
  }
  const frontMatter = normalised.slice(4, end + 1);
  return {
    frontMatter,
    body: normalised.slice(end + 5),
    bodyLine: frontMatter.split('\n').length + 2,
  };
}
