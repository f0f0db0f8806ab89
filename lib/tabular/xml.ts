/**
 * A small XML reader for the well-formed documents inside office files (DOCX `word/document.xml`). It builds
 * an element tree, decodes the predefined and numeric entities, and skips the prolog, comments, processing
 * instructions and DOCTYPE. Names keep their prefix («w:tbl»).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes[match[1] ?? ''] = decodeEntities(match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function skipPast(xml: string, from: number, terminator: string): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw new SyntaxError(`Unterminated markup at ${from}`);
  return end + terminator.length;
}

/** Parses a document and returns its root element. Throws SyntaxError on broken markup. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let position = 0;
  while (position < xml.length) {
    const open = xml.indexOf('<', position);
    const textEnd = open < 0 ? xml.length : open;
    if (textEnd > position) stack.at(-1)?.children.push(decodeEntities(xml.slice(position, textEnd)));
    if (open < 0) break;
    if (xml.startsWith('<!--', open)) position = skipPast(xml, open, '-->');
    else if (xml.startsWith('<![CDATA[', open)) {
      const end = skipPast(xml, open, ']]>');
      stack.at(-1)?.children.push(xml.slice(open + 9, end - 3));
      position = end;
    } else if (xml.startsWith('<?', open)) position = skipPast(xml, open, '?>');
    else if (xml.startsWith('<!', open)) position = skipPast(xml, open, '>');
    else if (xml.startsWith('</', open)) {
      const end = skipPast(xml, open, '>');
      const name = xml.slice(open + 2, end - 1).trim();
      const current = stack.pop();
      if (!current || current.name !== name || stack.length === 0) throw new SyntaxError(`Unexpected </${name}>`);
      position = end;
    } else {
      const end = findTagEnd(xml, open);
      const selfClosing = xml[end - 2] === '/';
      const body = xml.slice(open + 1, selfClosing ? end - 2 : end - 1);
      const nameEnd = body.search(/[\s/>]|$/);
      const element: XmlElement = { name: body.slice(0, nameEnd), attributes: parseAttributes(body.slice(nameEnd)), children: [] };
      stack.at(-1)?.children.push(element);
      if (!selfClosing) stack.push(element);
      position = end;
    }
  }
  if (stack.length !== 1) throw new SyntaxError('Unclosed elements at end of document');
  const documentElement = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!documentElement) throw new SyntaxError('No root element');
  return documentElement;
}

/** The `>` closing a start tag, ignoring any `>` inside quoted attribute values. */
function findTagEnd(xml: string, open: number): number {
  let quote: string | null = null;
  for (let index = open + 1; index < xml.length; index += 1) {
    const char = xml[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return index + 1;
  }
  throw new SyntaxError(`Unterminated tag at ${open}`);
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/**
 * Descendants named `name` in document order, not looking inside elements named in `stopAt` (nor inside a
 * match), e.g. the rows of a table but not the rows of a table nested in one of its cells.
 */
export function findDescendants(element: XmlElement, name: string, stopAt: readonly string[] = []): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of childElements(element)) {
    if (child.name === name) found.push(child);
    else if (!stopAt.includes(child.name)) found.push(...findDescendants(child, name, stopAt));
  }
  return found;
}
