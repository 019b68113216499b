import type { TEntityIndex } from "@/lib/city/entity-index";
import { entityKindLabel } from "@/lib/city/entity-names";
import type { LiveCityStore } from "@/components/live/live-city-store";
import { congestionOf } from "@/components/map/layers/traffic-layer";
import { occupancyOf } from "@/components/map/layers/parking-layer";
import { loadOf } from "@/components/map/layers/energy-layers";
import { WASTE_STATUS_STYLE } from "@/components/map/layers/waste-styles";
import type { TEnergyMeasurement } from "@/lib/contracts/events";
import type { TLayer } from "@/lib/contracts/layers";
import { BUILTIN_DOMAINS } from "@/lib/domains/builtin-domains";
import type { TEntityPick } from "./entity-pick";
import { humanize } from "@/components/format/humanize";
import { formatInt, formatMeasure, formatPercent, formatPower, formatVoltage } from "@/components/format/number";

export type TTone = "ok" | "warn" | "alert";
export type TDescriptionRow = { label: string; value: string; tone?: TTone };

type TEntityDescription = {
  /** What kind of thing it is: a declared domain's label, or what a built-in's file calls this kind of entity. */
  kindLabel: string;
  title: string;
  id: string;
  /** Latest live values; empty until the entity has reported. */
  rows: TDescriptionRow[];
  /** Static facts from the city pack. */
  facts: TDescriptionRow[];
  observedAt: string | null;
  /** Where a pinned tooltip should stay anchored; null for lines (use the click point). */
  anchor: [number, number] | null;
};

function toneOf(ratio: number, warnAt: number, alertAt: number): TTone {
  return ratio >= alertAt ? "alert" : ratio >= warnAt ? "warn" : "ok";
}

/**
 * A built-in entity's live rows: the fields its domain's file shows in the tooltip, in that order and under its
 * labels (lib/domains/definitions/builtin); how each value is written and toned stays here.
 */
function liveRows(domain: TLayer, values: Partial<Record<string, Omit<TDescriptionRow, "label">>>): TDescriptionRow[] {
  return BUILTIN_DOMAINS[domain].map.tooltip.flatMap(({ field, label }) => {
    const row = values[field];
    return row ? [{ label, ...row }] : [];
  });
}

function energyRows(measurement: TEnergyMeasurement | undefined): TDescriptionRow[] {
  const load = loadOf(measurement);
  if (!measurement || load === null) return [];
  return liveRows("energy", {
    activePower: { value: `${formatPower(measurement.activePower)} · ${formatPercent(load)}`, tone: toneOf(load, 0.85, 1) },
    voltage: { value: formatVoltage(measurement.voltage) },
    frequency: { value: `${measurement.frequency.toFixed(2)} Hz` },
  });
}

/** Everything the tooltip shows for one entity, from the static pack plus its latest event. */
export function describeEntity(pick: TEntityPick, index: TEntityIndex, store: LiveCityStore): TEntityDescription | null {
  const { id } = pick;
  switch (pick.kind) {
    case "declared": {
      const sensor = index.declared?.get(id);
      const definition = index.declaredDomains?.find((d) => d.definition.id === sensor?.domain)?.definition;
      if (!sensor || !definition) return null;
      const reading = store.getDeclared(definition.id, id);
      return {
        kindLabel: definition.label,
        title: sensor.name,
        id,
        rows: reading
          ? definition.map.tooltip.flatMap(({ field, label }) => {
              const value = reading[field];
              if (value === undefined) return [];
              const spec = definition.fields.find((f) => f.name === field);
              const text =
                typeof value === "number" ? formatMeasure(value, spec?.kind === "number" ? spec.unit : "") : humanize(String(value));
              return [{ label, value: text }];
            })
          : [],
        facts: [{ label: "Street", value: sensor.street }],
        observedAt: reading?.observedAt ?? null,
        anchor: sensor.position,
      };
    }
    case "segment": {
      const segment = index.segments.get(id);
      if (!segment) return null;
      const flow = store.get("traffic", id);
      const congestion = congestionOf(segment, flow);
      return {
        kindLabel: entityKindLabel(index, "segments", segment),
        title: segment.name ?? "Unnamed road",
        id,
        rows:
          flow && congestion !== null
            ? liveRows("traffic", {
                averageVehicleSpeed: { value: `${formatInt(flow.averageVehicleSpeed)} km/h`, tone: toneOf(congestion, 0.4, 0.6) },
                intensity: { value: `${formatInt(flow.intensity)} veh/h` },
                occupancy: { value: formatPercent(flow.occupancy) },
                congested: { value: flow.congested ? "Yes" : "No", tone: flow.congested ? "alert" : "ok" },
              })
            : [],
        facts: [
          { label: "Free flow", value: `${formatInt(segment.freeFlowKmh)} km/h` },
          { label: "Capacity", value: `${formatInt(segment.capacityVph)} veh/h` },
        ],
        observedAt: flow?.observedAt ?? null,
        anchor: null,
      };
    }
    case "parking": {
      const lot = index.parking.get(id);
      if (!lot) return null;
      const status = store.get("parking", id);
      const occupancy = occupancyOf(status);
      return {
        kindLabel: entityKindLabel(index, "parking", lot),
        title: lot.name,
        id,
        rows:
          status && occupancy !== null
            ? liveRows("parking", {
                availableSpotNumber: { value: `${formatInt(status.availableSpotNumber)} of ${formatInt(status.totalSpotNumber)}` },
                occupancy: { value: formatPercent(occupancy), tone: toneOf(occupancy, 0.85, 0.97) },
              })
            : [],
        facts: [{ label: "Capacity", value: `${formatInt(lot.capacity)} spaces` }],
        observedAt: status?.observedAt ?? null,
        anchor: lot.position,
      };
    }
    case "bin": {
      const bin = index.bins.get(id);
      if (!bin) return null;
      const container = store.get("waste", id);
      return {
        kindLabel: entityKindLabel(index, "bins", bin),
        title: bin.street ?? "Waste container",
        id,
        rows: container
          ? liveRows("waste", {
              fillingLevel: { value: formatPercent(container.fillingLevel), tone: toneOf(container.fillingLevel, 0.8, 0.95) },
              status: {
                value: WASTE_STATUS_STYLE[container.status].label,
                tone: container.status === "ok" ? "ok" : container.status === "lidOpen" ? "warn" : "alert",
              },
              temperature: { value: `${formatInt(container.temperature)} °C` },
            })
          : [],
        facts: [{ label: "Volume", value: `${formatInt(bin.volumeL)} L` }],
        observedAt: container?.observedAt ?? null,
        anchor: bin.position,
      };
    }
    case "substation": {
      const substation = index.substations.get(id);
      if (!substation) return null;
      const measurement = store.get("energy", id);
      return {
        kindLabel: entityKindLabel(index, "substations", substation),
        title: substation.name,
        id,
        rows: energyRows(measurement),
        facts: [
          { label: "Rating", value: formatPower(substation.capacityKw) },
          { label: "Nominal", value: formatVoltage(substation.voltageV) },
        ],
        observedAt: measurement?.observedAt ?? null,
        anchor: substation.position,
      };
    }
    case "feeder": {
      const feeder = index.feeders.get(id);
      if (!feeder) return null;
      const measurement = store.get("energy", id);
      return {
        kindLabel: entityKindLabel(index, "feeders", feeder),
        title: feeder.name,
        id,
        rows: energyRows(measurement),
        facts: [
          { label: "Rating", value: formatPower(feeder.capacityKw) },
          { label: "Substation", value: index.substations.get(feeder.substationId)?.name ?? feeder.substationId },
        ],
        observedAt: measurement?.observedAt ?? null,
        anchor: null,
      };
    }
    case "unit": {
      const unit = index.units.get(id);
      if (!unit) return null;
      const position = store.get("units", id);
      const station = index.stations.get(unit.stationId);
      return {
        kindLabel: entityKindLabel(index, "units", unit),
        title: unit.callSign,
        id,
        rows: position
          ? liveRows("units", {
              status: {
                value: humanize(position.status),
                tone: position.status === "outOfService" ? "alert" : position.status === "available" ? "ok" : "warn",
              },
              speed: { value: `${formatInt(position.speed)} km/h` },
              heading: { value: `${formatInt(position.heading)}°` },
            })
          : [],
        facts: [{ label: "Station", value: station?.name ?? unit.stationId }],
        observedAt: position?.observedAt ?? null,
        anchor: position?.location ?? station?.position ?? null,
      };
    }
  }
}
