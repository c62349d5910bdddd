// Number and date conventions of the spreadsheet locales the fake supports.

/** Order of day, month and year in dates typed without a year first. */
export type DateOrder = 'MDY' | 'DMY';

/** Separators and date patterns that a spreadsheet locale uses for typed input and display. */
export interface LocaleConventions {
  decimalSeparator: '.' | ',';
  groupingSeparator: ',' | '.' | '\u00a0' | "'";
  dateOrder: DateOrder;
  /** Default date pattern, in the number-format syntax that ssf understands. */
  dateFormat: string;
  dateTimeFormat: string;
}

const US: LocaleConventions = {
  decimalSeparator: '.',
  groupingSeparator: ',',
  dateOrder: 'MDY',
  dateFormat: 'M/d/yyyy',
  dateTimeFormat: 'M/d/yyyy H:mm:ss',
};

const CONVENTIONS: Record<string, LocaleConventions> = {
  en_US: US,
  en_CA: US,
  en_GB: { ...US, dateOrder: 'DMY', dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy H:mm:ss' },
  en_AU: { ...US, dateOrder: 'DMY', dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy H:mm:ss' },
  de_DE: {
    decimalSeparator: ',',
    groupingSeparator: '.',
    dateOrder: 'DMY',
    dateFormat: 'dd.MM.yyyy',
    dateTimeFormat: 'dd.MM.yyyy H:mm:ss',
  },
  fr_FR: {
    decimalSeparator: ',',
    groupingSeparator: '\u00a0',
    dateOrder: 'DMY',
    dateFormat: 'dd/MM/yyyy',
    dateTimeFormat: 'dd/MM/yyyy H:mm:ss',
  },
  it_IT: {
    decimalSeparator: ',',
    groupingSeparator: '.',
    dateOrder: 'DMY',
    dateFormat: 'dd/MM/yyyy',
    dateTimeFormat: 'dd/MM/yyyy H.mm.ss',
  },
  es_ES: {
    decimalSeparator: ',',
    groupingSeparator: '.',
    dateOrder: 'DMY',
    dateFormat: 'd/MM/yyyy',
    dateTimeFormat: 'd/MM/yyyy H:mm:ss',
  },
  ja_JP: { ...US, dateOrder: 'MDY', dateFormat: 'yyyy/MM/dd', dateTimeFormat: 'yyyy/MM/dd H:mm:ss' },
};

/** Lists the supported locale codes, such as `en_US` and `de_DE`. */
export function supportedLocales(): string[] {
  return Object.keys(CONVENTIONS);
}

/** Returns a locale's conventions, or throws a RangeError that lists the supported codes. */
export function localeConventions(locale: string): LocaleConventions {
  const conventions = CONVENTIONS[locale];
  if (!conventions) {
    throw new RangeError(
      `Unsupported spreadsheet locale "${locale}": use one of ${supportedLocales().join(', ')}.`,
    );
  }
  return conventions;
}
