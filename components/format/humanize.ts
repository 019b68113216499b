/** camelCase enum value → "Sentence case" ("enRoute" → "En route", "lidOpen" → "Lid open"). */
export function humanize(value: string): string {
  const words = value.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
