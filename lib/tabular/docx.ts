import { AppError } from '@/lib/errors';
import { normaliseGrid, type Sheet } from './grid';
import { childElements, findDescendants, parseXml, type XmlElement } from './xml';
import { extractZipEntry, type ZipEntry } from './zip';

const DOCUMENT_PART = 'word/document.xml';

function paragraphText(paragraph: XmlElement): string {
  let text = '';
  for (const child of childElements(paragraph)) {
    if (child.name === 'w:t') text += child.children.filter((node) => typeof node === 'string').join('');
    else if (child.name === 'w:tab') text += '\t';
    else if (child.name === 'w:br' || child.name === 'w:cr') text += '\n';
    else if (child.name === 'w:noBreakHyphen') text += '-';
    // Text boxes and deleted revisions are not part of the cell's text.
    else if (child.name !== 'w:txbxContent' && child.name !== 'w:del') text += paragraphText(child);
  }
  return text;
}

function property(element: XmlElement, container: string, name: string): XmlElement | undefined {
  const properties = childElements(element).find((child) => child.name === container);
  return properties ? childElements(properties).find((child) => child.name === name) : undefined;
}

function numericProperty(element: XmlElement, container: string, name: string): number {
  const value = Number(property(element, container, name)?.attributes['w:val'] ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

function cellTexts(cell: XmlElement): string[] {
  const vMerge = property(cell, 'w:tcPr', 'w:vMerge');
  const continuesMergeFromAbove = vMerge !== undefined && (vMerge.attributes['w:val'] ?? 'continue') === 'continue';
  const text = continuesMergeFromAbove
    ? ''
    : findDescendants(cell, 'w:p', ['w:tbl']).map(paragraphText).join('\n');
  const span = Math.max(1, numericProperty(cell, 'w:tcPr', 'w:gridSpan'));
  return [text, ...Array.from({ length: span - 1 }, () => '')];
}

function tableRows(table: XmlElement): string[][] {
  return findDescendants(table, 'w:tr', ['w:tbl']).map((row) => {
    const before = Array.from({ length: numericProperty(row, 'w:trPr', 'w:gridBefore') }, () => '');
    const cells = findDescendants(row, 'w:tc', ['w:tbl']).flatMap(cellTexts);
    return [...before, ...cells];
  });
}

/** Every table, outer ones before the tables nested in their cells. */
function allTables(element: XmlElement): XmlElement[] {
  return findDescendants(element, 'w:tbl').flatMap((table) => [
    table,
    ...childElements(table).flatMap((child) => allTables(child)),
  ]);
}

/** Every table of a DOCX document as a sheet «Таблица 1», «Таблица 2», … The archive must be checked already. */
export function readDocxSheets(bytes: Uint8Array, entries: readonly ZipEntry[]): Sheet[] {
  const documentEntry = entries.find((entry) => entry.name === DOCUMENT_PART);
  if (!documentEntry) throw new AppError('validation', 'Файл DOCX повреждён: в нём нет текста документа');
  let root: XmlElement;
  try {
    root = parseXml(new TextDecoder().decode(extractZipEntry(bytes, documentEntry, 'DOCX')));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('validation', 'Файл DOCX повреждён: не удалось прочитать текст документа');
  }
  const tables = allTables(root);
  if (tables.length === 0) throw new AppError('validation', 'В документе DOCX нет таблиц');
  return tables.map((table, index) => ({ name: `Таблица ${index + 1}`, rows: normaliseGrid(tableRows(table)) }));
}
