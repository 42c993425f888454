// Tiny i18n dictionary for the editor UI. Swedish is the default locale.
// Keep keys flat; every key must exist in every locale (enforced by the type).

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'sv';

const sv = {
  'app.title': 'Avtal',
  'app.subtitle': 'Samverkansavtal som körbar policy',
  'lang.label': 'Språk',
  'editor.label': 'Avtalseditor',
  'tab.problems': 'Problem',
  'tab.examples': 'Exempel',
  'tab.simulator': 'Simulering',
  'tab.monthly': 'Månad',
  'tab.versions': 'Versioner',
  'tabs.label': 'Sidopanel',
  'panel.placeholder': 'Kommer snart.',
  'problems.none': 'Inga problem.',
  'status.starting': 'Språktjänsten startar…',
  'status.checking': 'Kontrollerar…',
  'status.problems.one': '1 problem',
  'status.problems.other': '{n} problem',
  'status.workerError': 'Språktjänsten svarar inte',
  'severity.error': 'Fel',
  'severity.warning': 'Varning',
  'severity.info': 'Info',
  'position': 'rad {line}, kol {column}',
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  'app.title': 'Avtal',
  'app.subtitle': 'Care agreements as executable policy',
  'lang.label': 'Language',
  'editor.label': 'Agreement editor',
  'tab.problems': 'Problems',
  'tab.examples': 'Examples',
  'tab.simulator': 'Simulator',
  'tab.monthly': 'Monthly',
  'tab.versions': 'Versions',
  'tabs.label': 'Side panel',
  'panel.placeholder': 'Coming soon.',
  'problems.none': 'No problems.',
  'status.starting': 'Language service starting…',
  'status.checking': 'Checking…',
  'status.problems.one': '1 problem',
  'status.problems.other': '{n} problems',
  'status.workerError': 'Language service not responding',
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
  'position': 'line {line}, col {column}',
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { sv, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Translate `key` into `locale`, substituting `{name}` placeholders from `params`. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key] ?? dictionaries[DEFAULT_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** "{n} problem(s)" with the right plural form. */
export function problemCount(locale: Locale, n: number): string {
  return n === 1 ? t(locale, 'status.problems.one') : t(locale, 'status.problems.other', { n });
}
