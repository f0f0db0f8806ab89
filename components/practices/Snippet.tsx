import { snippetParts } from '@/lib/practices/search';

/** A search snippet with the matched words highlighted; the text is plain (never HTML). */
export function Snippet({ text }: { text: string }) {
  if (!text) return null;
  return (
    <p className="text-sm text-slate-700">
      {snippetParts(text).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}
