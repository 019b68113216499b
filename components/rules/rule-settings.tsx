"use client";

import { useQuery } from "@tanstack/react-query";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";
import { RuleCard } from "./rule-card";
import { rulesQuery } from "./rule-queries";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import styles from "./rule-settings.module.css";

/** /rules: every alert rule by domain (the built-in ones, then the declared ones), each tuned and saved on its own. */
export function RuleSettings() {
  const rules = useQuery(rulesQuery());
  const catalog = useDomainCatalog();
  const domains = catalog.entries
    .map(({ id, label }) => ({ id, label, settings: (rules.data ?? []).filter((s) => s.rule.domain === id) }))
    .filter((group) => group.settings.length > 0);

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>Alert rules</PageTitle>
          <PageSubtitle>
            When each alert opens and clears. A rule opens at one threshold and clears at another a little inside it (hysteresis), so a
            value hovering at the limit does not open and close the alert over and over. Saved changes take effect immediately and are
            audited.
          </PageSubtitle>
        </div>
      </PageHead>

      <DataSection
        query={rules}
        size="page"
        stateClassName={styles.stateCard}
        loading="Loading rules…"
        failed="The rules could not be loaded"
      >
        {() =>
          domains.map(({ id, label, settings }) => (
            <section key={id} className={styles.group} aria-labelledby={`rules-${id}`} data-testid={`rules-${id}`}>
              <h2 className={styles.title} id={`rules-${id}`}>
                {label}
                <span className={styles.count}>{settings.length}</span>
              </h2>
              {settings.map((setting) => (
                <RuleCard key={setting.rule.id} setting={setting} />
              ))}
            </section>
          ))
        }
      </DataSection>
    </Page>
  );
}
