import type { ComponentProps, ReactNode } from "react";
import { cx } from "@/components/ui/class-names";
import { Brand } from "@/components/nav/brand";
import styles from "./auth-card.module.css";

/** The page's only content: a card in the middle of the screen, headed by the brand and an optional line of context. */
export function AuthCard({ context, className, children, ...props }: ComponentProps<"main"> & { context?: ReactNode }) {
  return (
    <div className={styles.page}>
      <main {...props} className={cx(styles.card, className)}>
        <div className={styles.head}>
          <Brand size="large" />
          {context && <p className={styles.context}>{context}</p>}
        </div>
        {children}
      </main>
    </div>
  );
}

export function AuthCardTitle({ className, ...props }: ComponentProps<"h1">) {
  return <h1 {...props} className={cx(styles.title, className)} />;
}

/** A quiet line under the card's content. */
export function AuthCardFoot({ className, ...props }: ComponentProps<"p">) {
  return <p {...props} className={cx(styles.foot, className)} />;
}
