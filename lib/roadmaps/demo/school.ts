/**
 * The demo school road map as a pasted table, with deadlines worked out from `today`, so that the demo always has
 * a done item, an overdue one (deadline passed, still planned) and running ones — this year and the next.
 */
const DAY = 86_400_000;

function ddmmyyyy(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

export function schoolRoadmapTable(today: Date): string {
  const at = (days: number) => ddmmyyyy(new Date(today.getTime() + days * DAY));
  const rows = [
    ['№ п/п', 'Мероприятия', 'Сроки', 'Ответственные', 'Планируемый результат'],
    ['1 этап – анализ и планирование', '', '', '', ''],
    ['1.1.', 'Самодиагностика школы по рисковому профилю ФИОКО', `До ${at(-60)}`, 'Директор школы', 'Аналитическая справка'],
    ['1.2.', 'Разработка программы перехода школы в эффективный режим работы', `До ${at(-20)}`, 'Заместитель директора по УВР, УМЦ', 'Программа'],
    ['2 этап – реализация', '', '', '', ''],
    ['2.1.', 'Повышение квалификации учителей по формированию функциональной грамотности', `До ${at(90)}`, 'Заместитель директора по УВР, ЗОИРО', 'Удостоверения о повышении квалификации'],
    ['2.2.', 'Наставничество для молодых педагогов', 'В течение всего периода', 'Директор школы', 'План наставничества'],
    ['2.3.', 'Родительские собрания по подготовке к ГИА', 'ежегодно', 'Классные руководители', 'Протоколы собраний'],
    ['2.4.', 'Итоговый мониторинг образовательных результатов', `До ${at(300)}`, 'Директор школы, УО', 'Аналитический отчет'],
  ];
  return rows.map((row) => row.join('\t')).join('\n');
}
