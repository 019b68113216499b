import type { ComponentProps } from "react";
import { cx } from "@/components/ui/class-names";
import styles from "./crew-button.module.css";

/** primary: the next step of the job; danger: asking for backup; ok: done; secondary: everything else. */
export type TCrewButtonVariant = "primary" | "danger" | "ok" | "secondary";

type TCrewButtonProps = ComponentProps<"button"> & { variant?: TCrewButtonVariant };

/**
 * The field crew's big button, built for sunlight and gloves (≥ 56 px, full width, dashed when disabled).
 * Only /field uses it: the control room's buttons are components/ui/button.tsx.
 */
export function CrewButton({ variant = "secondary", className, type = "button", ...props }: TCrewButtonProps) {
  return <button type={type} data-slot="crew-button" className={cx(styles.crewButton, styles[variant], className)} {...props} />;
}
