"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { cityConfigQuery } from "@/components/city/city-queries";
import { errorMessage } from "@/components/api/request-json";
import { Feedback, type TFeedback } from "@/components/nav/feedback";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Page, PageCount, PageHead, PageSubtitle, PageTitle, Stack } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import { QueryState } from "@/components/ui/query-state";
import { cityPackUrl } from "@/lib/contracts/city-pack";
import type { TZone, TZonePolygon } from "@/lib/contracts/zones";
import { ZoneEditorCard } from "./zone-editor-card";
import { ZoneEditorMap, type TZoneDrawing } from "./zone-editor-map";
import { ZoneHistoryList } from "./zone-history-list";
import { ZoneImportCard } from "./zone-import-card";
import { zonesQuery } from "./zone-queries";
import { ZonesTable } from "./zones-table";
import styles from "./zones-admin.module.css";

/** What the side column is doing: nothing chosen, a new zone being drawn, or one zone being edited. */
type TEditing = { kind: "idle" } | { kind: "new" } | { kind: "zone"; zoneId: string; reshaping: boolean };

const NO_DRAWING: TZoneDrawing = { kind: "none" };
const DRAWING_NEW: TZoneDrawing = { kind: "draw" };

/** /admin/zones: the city's zones on a map, drawn, reshaped, renamed, imported and removed here; all audited. */
export function ZonesAdmin() {
  const zones = useQuery(zonesQuery());
  const config = useQuery(cityConfigQuery());
  const [editing, setEditing] = useState<TEditing>({ kind: "idle" });
  const [shape, setShape] = useState<TZonePolygon | null>(null);
  const [feedback, setFeedback] = useState<TFeedback | null>(null);

  const selected = editing.kind === "zone" ? (zones.data?.zones.find((z) => z.id === editing.zoneId) ?? null) : null;
  const drawing: TZoneDrawing =
    editing.kind === "new"
      ? DRAWING_NEW
      : editing.kind === "zone" && editing.reshaping && selected?.geometry.type === "Polygon"
        ? { kind: "reshape", geometry: selected.geometry }
        : NO_DRAWING;

  const edit = (next: TEditing) => {
    setShape(null);
    setEditing(next);
  };
  const selectZone = (zone: Pick<TZone, "id">) => edit({ kind: "zone", zoneId: zone.id, reshaping: false });
  const done = (message: string) => {
    setFeedback({ tone: "ok", message });
    edit({ kind: "idle" });
  };

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>Zones</PageTitle>
          <PageSubtitle>
            Districts, police beats, fire response areas and maintenance areas. An alert or incident takes the name of the smallest zone it
            falls in. Every change is audited and kept in the zone&apos;s history.
          </PageSubtitle>
        </div>
        {zones.data && <PageCount>{zones.data.zones.length} zones</PageCount>}
      </PageHead>

      <Feedback feedback={feedback} onDismiss={() => setFeedback(null)} />

      <div className={styles.layout}>
        <Card flush className={styles.mapCard} aria-label="Zone map">
          {config.isError ? (
            <QueryState state="error" size="page" title="The city's map could not be loaded" detail={errorMessage(config.error)} />
          ) : !config.data || !zones.data ? (
            <QueryState state="loading" size="page">
              <p>Loading the map and zones…</p>
            </QueryState>
          ) : (
            <ZoneEditorMap
              styleUrl={cityPackUrl(config.data.packId, "style.json")}
              manifest={config.data.manifest}
              zones={zones.data.zones}
              selectedId={selected?.id ?? null}
              drawing={drawing}
              onSelect={(zoneId) => selectZone({ id: zoneId })}
              onShape={setShape}
            />
          )}
        </Card>

        <div className={styles.side}>
          {editing.kind === "idle" ? (
            <Card aria-label="Add a zone">
              <Stack>
                <Button variant="primary" onClick={() => edit({ kind: "new" })} disabled={!zones.data}>
                  Draw a zone
                </Button>
                <p className={styles.hint}>Or choose a zone on the map or in the list to change it.</p>
              </Stack>
            </Card>
          ) : (
            <ZoneEditorCard
              key={editing.kind === "zone" ? `${editing.zoneId}-${selected?.version}` : "new"}
              zone={selected}
              shape={shape}
              reshaping={editing.kind === "new" || (editing.kind === "zone" && editing.reshaping)}
              onReshape={() => selected && edit({ kind: "zone", zoneId: selected.id, reshaping: true })}
              onDone={done}
              onCancel={() => edit({ kind: "idle" })}
            />
          )}
          {selected && <ZoneHistoryList zone={selected} />}
          <ZoneImportCard onImported={(message) => setFeedback({ tone: "ok", message })} />
        </div>
      </div>

      <Card flush aria-label="All zones" aria-busy={zones.isPending}>
        <DataSection
          query={zones}
          size="page"
          loading="Loading zones…"
          failed="The zones could not be loaded"
          isEmpty={(data) => data.zones.length === 0}
          empty={{ title: "No zones yet", detail: "Draw one on the map or import a GeoJSON file." }}
        >
          {(data) => <ZonesTable zones={data.zones} selectedId={selected?.id ?? null} onSelect={selectZone} />}
        </DataSection>
      </Card>
    </Page>
  );
}
