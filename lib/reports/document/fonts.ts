/**
 * The one typeface of rendered reports: PT Sans (ParaType, OFL), made for Russian and shipped as TTF files by an npm
 * package, so charts, DOCX and PDF never depend on the fonts a server happens to have. Files are read once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const REPORT_FONT_FAMILY = 'PT Sans';

export type ReportFontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FONT_FILES: Record<ReportFontStyle, string> = {
  regular: '400Regular/PTSans_400Regular.ttf',
  bold: '700Bold/PTSans_700Bold.ttf',
  italic: '400Regular_Italic/PTSans_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/PTSans_700Bold_Italic.ttf',
};

/** The package folder from the project root (the server and tests run there; bundlers would rewrite require.resolve). */
const FONT_PACKAGE = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'pt-sans');

export function reportFontPath(style: ReportFontStyle): string {
  return path.join(FONT_PACKAGE, FONT_FILES[style]);
}

const cache = new Map<ReportFontStyle, Buffer>();

export function reportFont(style: ReportFontStyle): Buffer {
  let bytes = cache.get(style);
  if (!bytes) {
    bytes = readFileSync(reportFontPath(style));
    cache.set(style, bytes);
  }
  return bytes;
}
