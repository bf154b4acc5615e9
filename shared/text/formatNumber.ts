// One formatter per language: building an Intl.NumberFormat is far slower than using one.
const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A count grouped as the language writes it: `1.049` in Vietnamese (as in 2.000 tỷ đồng), `1,049` in English.
 * Vietnamese is the default, as the newsroom's paper is.
 */
export function formatNumber(value: number, language = 'vi'): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language);
    formatters.set(language, formatter);
  }
  return formatter.format(value);
}
