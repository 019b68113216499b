import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./map-panel.module.css";

type TMapPanelProps = ComponentProps<"aside"> & {
  side: "left" | "right";
  /** Phones: dock above the map instead of floating over it. */
  docksOnPhones?: boolean;
};

/** A card floating over a corner of the map. */
export function MapPanel({ side, docksOnPhones = false, className, ...props }: TMapPanelProps) {
  return <aside {...props} className={cx(styles.panel, styles[side], docksOnPhones && styles.docked, className)} />;
}

/** The panel's heading: small caps over the content (hidden when docked on phones). */
export function MapPanelTitle({ className, ...props }: ComponentProps<"h1">) {
  return <h1 {...props} className={cx(styles.title, className)} />;
}

/** The scrolling content. */
export function MapPanelBody({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cx(styles.body, className)} />;
}
