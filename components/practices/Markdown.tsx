import { renderMarkdown } from '@/lib/practices/markdown';

/** Practice text: Markdown rendered and sanitised on output (lib/practices/markdown.ts), never stored as HTML. */
export function Markdown({ text }: { text: string }) {
  // The HTML comes out of sanitize-html's allowlist: no scripts, event handlers or javascript: links survive.
  return <div className="practice-text space-y-2 text-sm [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}
