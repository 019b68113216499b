import type { ReactNode } from "react";
import { cx } from "@/components/ui/class-names";
import styles from "./field-theme.module.css";

/** The light, high-contrast scope of /field: "field-theme" is where the design tokens put its palette. */
export function FieldTheme({ children }: { children: ReactNode }) {
  return <div className={cx("field-theme", styles.fieldTheme)}>{children}</div>;
}
