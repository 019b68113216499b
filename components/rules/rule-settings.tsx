"use client";

import { useQuery } from "@tanstack/react-query";
import { LAYERS } from "@/lib/contracts/layers";
import { errorMessage } from "@/components/api/request-json";
import { LAYER_META } from "@/components/control-room/layer-meta";
import { RuleCard } from "./rule-card";
import { rulesQuery } from "./rule-queries";

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
        <div className="card empty-state" role="status">
          <span className="spinner" aria-hidden="true" />
          <p>Loading rules…</p>
        </div>
      ) : rules.isError ? (
        <div className="card empty-state" role="alert">
          <p className="empty-state__title">The rules could not be loaded</p>
          <p className="empty-state__detail">{errorMessage(rules.error)}</p>
          <button type="button" className="button" onClick={() => void rules.refetch()}>
            Try again
          </button>
        </div>
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
