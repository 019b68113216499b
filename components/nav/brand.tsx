import { cx } from "@/components/ui/class-names";
import styles from "./brand.module.css";

function Logo() {
  return (
    <svg className={styles.mark} viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" strokeWidth="1.5" opacity="0.45" />
      <path
        d="M3 13h4l2.2-5 3.6 9 2.4-6 1.3 2H21"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Logo and product name, as in every header. header: in a top bar (the name gives way on the smallest phones); large: on the sign-in card. */
export function Brand({ size = "header" }: { size?: "header" | "large" }) {
  return (
    <div className={cx(styles.brand, styles[size])} data-slot="brand">
      <Logo />
      <span className={styles.name}>CityNerve</span>
    </div>
  );
}
