"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TResponderUnit } from "@/lib/contracts/units";
import { cityConfigQuery, cityEntitiesQuery } from "@/components/city/city-queries";
import { Feedback, type TFeedback } from "@/components/nav/feedback";
import { groupUnitsByType } from "./unit-board-model";
import { UnitForm } from "./unit-form";
import { unitsQuery } from "./unit-queries";
import { UnitsTable } from "./units-table";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Page, PageCount, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import styles from "./units-management.module.css";

/** No socket on this page: the list is refetched when it is older than this. */
const LIST_STALE_MS = 10_000;

/** /units: every unit, a form to add one, and editing a unit's call sign, station, capabilities and crew. */
export function UnitsManagement({ currentUser }: { currentUser: TCurrentUser }) {
  const units = useQuery({ ...unitsQuery(), staleTime: LIST_STALE_MS, refetchOnWindowFocus: true });
  const config = useQuery(cityConfigQuery());
  const packId = config.data?.packId;
  const entities = useQuery({ ...cityEntitiesQuery(packId ?? ""), enabled: packId !== undefined });
  const stations = entities.data?.stations ?? [];
  const stationNames = useMemo(() => new Map(stations.map((station) => [station.id, station.name])), [stations]);
  const [feedback, setFeedback] = useState<TFeedback | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  const formTitleId = useId();
  const canEditCrew = currentUser.role === "admin";

  const sorted = useMemo(() => (units.data ? groupUnitsByType(units.data.units).flatMap((group) => group.units) : []), [units.data]);
  const editing = editingId ? sorted.find((unit) => unit.id === editingId) : undefined;

  const startEdit = (unit: TResponderUnit) => {
    setEditingId(unit.id);
    setFeedback(null);
    requestAnimationFrame(() => formHeadingRef.current?.focus());
  };
  const stopEdit = (unitId: string | null) => {
    setEditingId(null);
    if (unitId) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-edit-unit="${CSS.escape(unitId)}"]`)?.focus());
  };
  const onSaved = (unit: TResponderUnit, created: boolean) => {
    setFeedback({ tone: "ok", message: created ? `Created ${unit.callSign}.` : `Saved ${unit.callSign}.` });
    if (!created) stopEdit(unit.id);
  };

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>Units</PageTitle>
          <PageSubtitle>
            Responder units the control room dispatches: their station, what they carry and who crews them. Every change is recorded in the
            audit log.
          </PageSubtitle>
        </div>
        {units.data && (
          <PageCount data-testid="unit-count">
            {units.data.units.length} {units.data.units.length === 1 ? "unit" : "units"}
          </PageCount>
        )}
      </PageHead>

      <Feedback feedback={feedback} onDismiss={() => setFeedback(null)} />

      <div className={styles.layout}>
        <Card flush aria-label="All units" aria-busy={units.isPending}>
          <DataSection
            query={units}
            size="page"
            loading="Loading units…"
            failed="The units could not be loaded"
            isEmpty={() => sorted.length === 0}
            empty={{ title: "No units yet", detail: "Create the first one with the form." }}
          >
            {() => <UnitsTable units={sorted} stationNames={stationNames} editingId={editingId} onEdit={startEdit} />}
          </DataSection>
        </Card>

        <Card aria-labelledby={formTitleId} data-testid="unit-form-card">
          <CardTitle id={formTitleId} ref={formHeadingRef} tabIndex={-1}>
            {editing ? `Edit ${editing.callSign}` : "New unit"}
          </CardTitle>
          <CardSubtitle>
            {editing ? `${editing.id} · the type and ID stay as they are.` : "It starts available at its station."}
          </CardSubtitle>
          <UnitForm
            key={editing ? `edit-${editing.id}` : "create"}
            unit={editing}
            stations={stations}
            canEditCrew={canEditCrew}
            onSaved={onSaved}
            onCancel={editing ? () => stopEdit(editing.id) : undefined}
          />
        </Card>
      </div>
    </Page>
  );
}
