import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Images would be fetched from anywhere when the report is opened: show them as links instead,
// so a report stays self-contained and reveals nothing about who reads it.
markdown.renderer.rules.image = (tokens, index, _options, _env, self) => {
  const token = tokens[index];
  const src = token?.attrGet('src') ?? '';
  const alt = self.renderInlineAsText(token?.children ?? [], _options, _env) || src;
  return `<a href="${markdown.utils.escapeHtml(src)}" rel="noopener noreferrer">${markdown.utils.escapeHtml(alt)}</a>`;
};
markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  tokens[index]?.attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, index, options);
};

/**
 * Renders a person's Markdown to HTML that cannot run anything: raw HTML is escaped, link
 * targets are limited to markdown-it's safe protocols (no `javascript:`, `vbscript:`, or
 * non-image `data:`), and images become plain links.
 */
export function renderSafeMarkdown(text: string): string {
  return markdown.render(text);
}
