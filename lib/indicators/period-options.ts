/** The period choice of the entry screens: the whole year, or one of its quarters (quarterly indicators). */
export const PERIOD_OPTIONS = [
  { value: '0', label: 'год целиком' },
  { value: '1', label: 'I квартал' },
  { value: '2', label: 'II квартал' },
  { value: '3', label: 'III квартал' },
  { value: '4', label: 'IV квартал' },
] as const;
