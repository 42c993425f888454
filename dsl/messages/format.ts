// Dates and times as a Swedish official writes them: "måndag 7 januari 2019 kl. 13.00". English keeps the
// ISO form the results use ("2019-01-07 13:00"). Pure string work on the engine's own formats, no Date.
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];

/** Day of the week (0 = Sunday) of a proleptic Gregorian date (Sakamoto's method). */
function weekday(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  if (m < 3) y -= 1;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[m - 1] + d) % 7;
}

/** The number written in s from `from` to `to` (digits only), or NaN. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * "2019-01-07" → "måndag 7 januari 2019"; "2019-01-07 13:00" → "måndag 7 januari 2019 kl. 13.00";
 * "2019-01-10 24:00" → "torsdag 10 januari 2019 kl. 24.00". Any other text is returned as it is. Made on
 * every evaluation in Swedish (a result's reasons), so by character codes, without a regular expression.
 */
export function svDate(s: string): string {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return s;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return s;
  // the date's words, made once per date; the time's from a table
  const key = y * 512 + m * 32 + d;
  let date = DATES.get(key);
  if (date === undefined) {
    date = `${WEEKDAYS[weekday(y, m, d)]} ${d} ${MONTHS[m - 1]} ${y}`;
    if (DATES.size >= 20_000) DATES.clear();
    DATES.set(key, date);
  }
  if (s.length === 10) return date;
  const hh = digits(s, 11, 13);
  const mm = digits(s, 14, 16);
  const time = s.length === 16 && hh >= 0 && hh <= 24 && mm >= 0 && mm < 60 ? TIMES[hh * 60 + mm] : ` kl. ${s.slice(11).replace(/:/g, '.')}`;
  return date + time;
}

/**
 * "2019-01-07 13:00" → "2019-01-07 kl. 13.00": the short Swedish form, for the reasons every evaluation makes
 * (explanation steps write the date out with svDate). A date alone is returned as it is.
 */
export function svShort(s: string): string {
  if (s.length !== 16 || s.charCodeAt(10) !== 32) return s.length > 16 ? `${s.slice(0, 10)} kl. ${s.slice(11).replace(/:/g, '.')}` : s;
  const hh = digits(s, 11, 13);
  const mm = digits(s, 14, 16);
  return hh >= 0 && hh <= 24 && mm >= 0 && mm < 60 ? s.slice(0, 10) + TIMES[hh * 60 + mm] : s;
}

/** "måndag 7 januari 2019" by year * 512 + month * 32 + day. */
const DATES = new Map<number, string>();
/** " kl. 13.00" by minute of the day, 00.00 to 24.00. */
const TIMES: readonly string[] = Array.from({ length: 24 * 60 + 1 }, (_, i) => ` kl. ${String(Math.floor(i / 60)).padStart(2, '0')}.${String(i % 60).padStart(2, '0')}`);

/** "2019-01" → "januari 2019". */
export function svMonth(s: string): string {
  const m = Number(s.slice(5, 7));
  return s.length === 7 && m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${s.slice(0, 4)}` : s;
}

/** A date or an instant in the language: Swedish words, or the ISO form. */
export const dateIn = (s: string, lang: 'sv' | 'en'): string => (lang === 'sv' ? svDate(s) : s);

/** "4" → "fyra" for the numbers a Swedish text writes out (up to twelve), else the digits. */
const SV_NUMBERS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];
export const svNumber = (n: number): string => (Number.isInteger(n) && n >= 0 && n <= 12 ? SV_NUMBERS[n] : String(n));

/** An amount in Swedish: 12345.5 → "12 345,50"; whole numbers without decimals. English keeps the number as it is. */
export function amountIn(n: number, lang: 'sv' | 'en'): string {
  if (lang === 'en') return String(n);
  const [int, frac] = (Number.isInteger(n) ? String(Math.abs(n)) : Math.abs(n).toFixed(2)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** A number a person reads: 3.25 → "3,25" in Swedish (the decimal comma), as it is in English. */
export const decimalIn = (n: number, lang: 'sv' | 'en'): string => (lang === 'sv' ? String(n).replace('.', ',') : String(n));

/** A month (YYYY-MM) in the language: "januari 2025" in Swedish, "2025-01" in English. */
export const monthIn = (s: string, lang: 'sv' | 'en'): string => (lang === 'sv' ? svMonth(s) : s);

/**
 * Months (YYYY-MM, in order) in the language: "mars, april och maj 2025" or "december 2024 och januari 2025" in
 * Swedish (a year named once after its last month), "2025-03, 2025-04, 2025-05" in English.
 */
export function monthsIn(months: readonly string[], lang: 'sv' | 'en'): string {
  if (lang === 'en') return months.join(', ');
  const words = months.map((m, i) => {
    const name = svMonth(m);
    const sameYearNext = i + 1 < months.length && months[i + 1].slice(0, 4) === m.slice(0, 4);
    return sameYearNext && name !== m ? name.slice(0, name.lastIndexOf(' ')) : name;
  });
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} och ${words[words.length - 1]}`;
}
