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

/**
 * "2019-01-07" → "måndag 7 januari 2019"; "2019-01-07 13:00" → "måndag 7 januari 2019 kl. 13.00";
 * "2019-01-10 24:00" → "torsdag 10 januari 2019 kl. 24.00". Any other text is returned as it is.
 */
export function svDate(s: string): string {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return s;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return s;
  const date = `${WEEKDAYS[weekday(y, m, d)]} ${d} ${MONTHS[m - 1]} ${y}`;
  if (s.length === 10) return date;
  const time = s.slice(11).replace(/:/g, '.');
  return `${date} kl. ${time}`;
}

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
