/**
 * The one error type of the portal. Every failure that a user or an API client can see is an AppError with a
 * typed code and a Russian message; route handlers and the action wrapper turn it into an HTTP status or a form
 * state. Anything else that escapes is a bug and is shown as `internal` without details.
 */
export const ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  db_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  unauthorized: 'Войдите в систему, чтобы продолжить.',
  forbidden: 'Недостаточно прав для этого действия.',
  not_found: 'Запись не найдена.',
  validation: 'Проверьте введённые данные.',
  conflict: 'Запись уже изменена другим пользователем. Обновите страницу и повторите.',
  payload_too_large: 'Файл слишком большой.',
  unsupported_media_type: 'Этот формат файла не поддерживается.',
  rate_limited: 'Слишком много попыток. Повторите позже.',
  db_unavailable: 'База данных временно недоступна. Повторите попытку через минуту.',
  internal: 'Внутренняя ошибка. Попробуйте ещё раз или обратитесь к администратору.',
};

/** A problem tied to one place in the input: a form field, or a row and column of an imported table. */
export interface Issue {
  message: string;
  /** Form field or JSON path, e.g. `ogrn` or `items.3.deadline`. */
  field?: string;
  /** 1-based row number as the user sees it in the file (header row included). */
  row?: number;
  /** Column as the user sees it: its header text or letter. */
  column?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];

  constructor(code: ErrorCode, message?: string, issues: Issue[] = []) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, issues: this.issues } };
  }
}

/** «Строка 5, столбец «ОГРН»: …» — the one way an import problem is worded. */
export function describeIssue(issue: Issue): string {
  const place = [
    issue.row !== undefined ? `строка ${issue.row}` : null,
    issue.column !== undefined ? `столбец «${issue.column}»` : null,
    issue.field !== undefined && issue.row === undefined ? `поле «${issue.field}»` : null,
  ].filter(Boolean);
  if (place.length === 0) return issue.message;
  const where = place.join(', ');
  return `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${issue.message}`;
}
