// Number and date conventions of the spreadsheet locales the fake supports.
// NOTE: separators and date patterns follow the locales' common conventions; they were not read
// off a real Sheets document for each locale.

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
  en_IE: { ...US, dateOrder: 'DMY', dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy H:mm:ss' },
  en_NZ: { ...US, dateOrder: 'DMY', dateFormat: 'd/MM/yyyy', dateTimeFormat: 'd/MM/yyyy H:mm:ss' },
  en_IN: { ...US, dateOrder: 'DMY', dateFormat: 'd/M/yyyy', dateTimeFormat: 'd/M/yyyy H:mm:ss' },
  es_MX: { ...US, dateOrder: 'DMY', dateFormat: 'd/MM/yyyy', dateTimeFormat: 'd/MM/yyyy H:mm:ss' },
  zh_CN: { ...US, dateOrder: 'MDY', dateFormat: 'yyyy/M/d', dateTimeFormat: 'yyyy/M/d H:mm:ss' },
  // Swiss locales group thousands with an apostrophe and use a decimal point.
  de_CH: {
    decimalSeparator: '.',
    groupingSeparator: "'",
    dateOrder: 'DMY',
    dateFormat: 'dd.MM.yyyy',
    dateTimeFormat: 'dd.MM.yyyy HH:mm:ss',
  },
  fr_CH: {
    decimalSeparator: '.',
    groupingSeparator: "'",
    dateOrder: 'DMY',
    dateFormat: 'dd.MM.yyyy',
    dateTimeFormat: 'dd.MM.yyyy HH:mm:ss',
  },
  it_CH: {
    decimalSeparator: '.',
    groupingSeparator: "'",
    dateOrder: 'DMY',
    dateFormat: 'dd.MM.yyyy',
    dateTimeFormat: 'dd.MM.yyyy HH:mm:ss',
  },
  nl_NL: {
    decimalSeparator: ',',
    groupingSeparator: '.',
    dateOrder: 'DMY',
    dateFormat: 'd-M-yyyy',
    dateTimeFormat: 'd-M-yyyy H:mm:ss',
  },
  pt_BR: {
    decimalSeparator: ',',
    groupingSeparator: '.',
    dateOrder: 'DMY',
    dateFormat: 'dd/MM/yyyy',
    dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
  },
  pt_PT: {
    decimalSeparator: ',',
    groupingSeparator: '\u00a0',
    dateOrder: 'DMY',
    dateFormat: 'dd/MM/yyyy',
    dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
  },
  da_DK: {
    decimalSeparator: ',',
    groupingSeparator: '.',
    dateOrder: 'DMY',
    dateFormat: 'dd.MM.yyyy',
    dateTimeFormat: 'dd.MM.yyyy HH.mm.ss',
  },
  sv_SE: {
    decimalSeparator: ',',
    groupingSeparator: '\u00a0',
    dateOrder: 'DMY',
    dateFormat: 'yyyy-MM-dd',
    dateTimeFormat: 'yyyy-MM-dd HH:mm:ss',
  },
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
