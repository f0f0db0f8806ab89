import type { OperationSpec } from '@/lib/api/openapi';

export const TEMPLATE_OPERATIONS: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/v1/templates/{kind}',
    tag: 'Шаблоны импорта',
    summary: 'Шаблон импорта в XLSX: ожидаемые столбцы, пример заполнения и лист пояснений',
    params: [{ name: 'kind', in: 'path', description: 'roadmap | schools | assessments | contexts | indicator-values' }],
    responses: { 200: { description: 'Файл XLSX; имя в Content-Disposition (RFC 5987)' }, 404: { description: 'Нет такого шаблона' } },
  },
];
