import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";
import styles from "./facts.module.css";

/** A definition list of label → value rows, labels in a fixed column. */
export function Facts({ className, ...props }: ComponentProps<"dl">) {
  return <dl {...props} className={cx(styles.facts, className)} />;
}

export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
