import type { TRole } from "@/lib/contracts/auth";
import { Chip } from "@/components/ui/chip";

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
    <section className="demo-accounts" aria-labelledby="demo-accounts-title" data-testid="demo-accounts">
      <h2 id="demo-accounts-title" className="demo-accounts__title">
        Demo accounts
      </h2>
      <p className="demo-accounts__hint">
        Password for all: <code>{DEMO_PASSWORD}</code>
      </p>
      <ul className="demo-accounts__list">
        {DEMO_ACCOUNTS.map(({ role, email }) => (
          <li key={email}>
            <button
              type="button"
              className="demo-account"
              onClick={() => onPick(email, DEMO_PASSWORD)}
              title={`Fill in the ${role} account`}
            >
              <Chip appearance="pill" color={`var(--role-${role})`} className="demo-account__role">
                {role}
              </Chip>
              <span className="demo-account__email">{email}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
