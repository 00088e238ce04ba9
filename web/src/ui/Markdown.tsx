/** Markdown the server rendered and sanitized (never raw user HTML). */
export function Markdown({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={`markdown${className ? ` ${className}` : ''}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
