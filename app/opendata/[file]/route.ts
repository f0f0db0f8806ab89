import { CSV_MIME, contentDisposition } from '@/lib/export';
import { datasetCsv, datasetJson, loadDataset } from '@/lib/public/opendata';

/** `/opendata/<dataset>.csv` (UTF-8 with BOM for Excel; `?bom=0` plain) and `/opendata/<dataset>.json`. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const match = /^([a-z-]+)\.(csv|json)$/.exec(file);
  const dataset = match ? await loadDataset(match[1]!) : null;
  if (!match || !dataset) {
    return new Response('Набор данных не найден. Список наборов: /opendata', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=300' };
  if (match[2] === 'json') {
    return new Response(datasetJson(dataset), { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
  }
  const bom = new URL(request.url).searchParams.get('bom') !== '0';
  return new Response(datasetCsv(dataset, bom), {
    headers: { ...headers, 'Content-Type': CSV_MIME, 'Content-Disposition': contentDisposition(`${dataset.title}.csv`) },
  });
}
