import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";
import { Spinner } from "./spinner";
import styles from "./query-state.module.css";

type TQueryStateProps = Omit<ComponentProps<"div">, "title"> & {
  state: "loading" | "error" | "empty";
  /** panel: inside a card or sheet; page: a page's main area; inline: one line inside a block. */
  size?: "panel" | "page" | "inline";
  /** What happened, in one line. */
  title?: ReactNode;
  /** What to do about it. */
  detail?: ReactNode;
};

const ROLE = { loading: "status", error: "alert", empty: undefined } as const;

/** Loading, failed or nothing to show: the same shape everywhere, with a spinner while loading. */
export function QueryState({ state, size = "panel", title, detail, className, children, ...props }: TQueryStateProps) {
  return (
    <div
      role={ROLE[state]}
      {...props}
      data-slot="query-state"
      className={cx(styles.state, styles[size], state === "error" && styles.error, className)}
    >
      {state === "loading" && <Spinner />}
      {title && <p className={styles.title}>{title}</p>}
      {detail && <p className={styles.detail}>{detail}</p>}
      {children}
    </div>
  );
}
