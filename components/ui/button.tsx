import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./button.module.css";

/**
 * secondary: the plain bordered button; primary: the one main action of a form; accent: a strong
 * action that is not the form's submit; danger: destroys or refuses; ghost: cancel and minor actions;
 * critical / onAlert: on the red critical banner.
 */
type TButtonVariant = "secondary" | "primary" | "accent" | "danger" | "ghost" | "critical" | "onAlert";
/** md: 32 px; sm: 24 px for rows and toolbars; block: full width, 44 px. */
type TButtonSize = "sm" | "md" | "block";

type TButtonLook = { variant?: TButtonVariant; size?: TButtonSize; className?: string };

/** The classes of a button, for elements that must stay what they are (a Next <Link>, a download link). */
function buttonClassName({ variant = "secondary", size = "md", className }: TButtonLook = {}): string {
  return cx(styles.button, size !== "md" && styles[size], variant !== "secondary" && styles[variant], className);
}

type TButtonProps = ComponentProps<"button"> & TButtonLook;

export function Button({ variant, size, className, type = "button", ...props }: TButtonProps) {
  return <button type={type} data-slot="button" className={buttonClassName({ variant, size, className })} {...props} />;
}

type TButtonLinkProps = ComponentProps<"a"> & TButtonLook;

/** A plain <a> (downloads, full-page navigations) that looks like a button. */
export function ButtonLink({ variant, size, className, ...props }: TButtonLinkProps) {
  return <a data-slot="button" className={buttonClassName({ variant, size, className })} {...props} />;
}
