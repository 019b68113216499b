import type { ComponentProps } from "react";
import { cx } from "@/components/ui/class-names";
import styles from "./crew-section-title.module.css";

/** The heading of a section of the crew's page (the outbox, position sharing). */
export function CrewSectionTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cx(styles.sectionTitle, className)} {...props} />;
}
