/** Joins the truthy class names: `cx(styles.button, isActive && styles.active, className)`. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
