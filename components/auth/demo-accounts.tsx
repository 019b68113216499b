import type { TRole } from "@/lib/contracts/auth";
import { Chip } from "@/components/ui/chip";
import styles from "./demo-accounts.module.css";

/** Seeded only in embedded demo mode; the hint is shown only when /api/auth-config says so. */
const DEMO_PASSWORD = "citynerve-demo";
const DEMO_ACCOUNTS: readonly { role: TRole; email: string }[] = [
  { role: "operator", email: "operator@citynerve.local" },
  { role: "supervisor", email: "supervisor@citynerve.local" },
  { role: "field", email: "field@citynerve.local" },
  { role: "admin", email: "admin@citynerve.local" },
];

type TDemoAccountsProps = { onPick: (email: string, password: string) => void };

export function DemoAccounts({ onPick }: TDemoAccountsProps) {
  return (
    <section className={styles.demoAccounts} aria-labelledby="demo-accounts-title" data-testid="demo-accounts">
      <h2 id="demo-accounts-title" className={styles.title}>
        Demo accounts
      </h2>
      <p className={styles.hint}>
        Password for all: <code>{DEMO_PASSWORD}</code>
      </p>
      <ul className={styles.list}>
        {DEMO_ACCOUNTS.map(({ role, email }) => (
          <li key={email}>
            <button
              type="button"
              className={styles.account}
              onClick={() => onPick(email, DEMO_PASSWORD)}
              title={`Fill in the ${role} account`}
            >
              <Chip appearance="pill" color={`var(--role-${role})`} className={styles.role}>
                {role}
              </Chip>
              <span className={styles.email}>{email}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
