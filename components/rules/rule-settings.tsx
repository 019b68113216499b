"use client";

import { useQuery } from "@tanstack/react-query";
import { LAYERS } from "@/lib/contracts/layers";
import { errorMessage } from "@/components/api/request-json";
import { LAYER_META } from "@/components/map/layer-meta";
import { RuleCard } from "./rule-card";
import { rulesQuery } from "./rule-queries";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/ui/query-state";

/** /rules: every alert rule by domain, each tuned and saved on its own. */
export function RuleSettings() {
  const rules = useQuery(rulesQuery());
  const domains = LAYERS.map((domain) => ({ domain, settings: (rules.data ?? []).filter((s) => s.rule.domain === domain) })).filter(
    (group) => group.settings.length > 0,
  );

  return (
    <div className="page">
      <div className="page__head">
        <div>
          <h1 className="page__title">Alert rules</h1>
          <p className="page__subtitle">
            When each alert opens and clears. A rule opens at one threshold and clears at another a little inside it (hysteresis), so a value
            hovering at the limit does not open and close the alert over and over. Saved changes take effect immediately and are audited.
          </p>
        </div>
      </div>

      {rules.isPending ? (
        <QueryState state="loading" size="page" className="card">
          <p>Loading rules…</p>
        </QueryState>
      ) : rules.isError ? (
        <QueryState state="error" size="page" className="card" title="The rules could not be loaded" detail={errorMessage(rules.error)}>
          <Button onClick={() => void rules.refetch()}>
            Try again
          </Button>
        </QueryState>
      ) : (
        domains.map(({ domain, settings }) => (
          <section key={domain} className="rule-group" aria-labelledby={`rules-${domain}`}>
            <h2 className="rule-group__title" id={`rules-${domain}`}>
              {LAYER_META[domain].label}
              <span className="rule-group__count">{settings.length}</span>
            </h2>
            {settings.map((setting) => (
              <RuleCard key={setting.rule.id} setting={setting} />
            ))}
          </section>
        ))
      )}
    </div>
  );
}
