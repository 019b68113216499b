import type { Layer } from "@deck.gl/core";
import type { TDomainName, TLayer } from "@/lib/contracts/layers";
import type { TDomainEntity } from "@/lib/contracts/domain-definition";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { LiveCityStore, TLayerVersions } from "@/components/live/live-city-store";
import { createFeederLayer, createSubstationLayer } from "./energy-layers";
import { createParkingLayer } from "./parking-layer";
import { createTrafficLayer } from "./traffic-layer";
import { createUnitLabelLayer, createUnitLayer } from "./unit-layers";
import { createWasteLayer } from "./waste-layer";
import { createDeclaredDomainLayer } from "./declared-domain-layer";
import type { TShownEntities } from "@/components/map/shown-entities";

const NO_DECLARED = { versions: {}, visible: new Set<string>() };
const NO_SENSORS: readonly TDomainEntity[] = [];

/**
 * All deck.gl layers, bottom to top. Hidden layers stay in the list with
 * `visible: false` so their GPU buffers survive a toggle. Data arrays are the
 * entities in view (the whole pack in a town) and keep their identity across deltas.
 */
export function buildCityLayers(
  index: TEntityIndex,
  shown: TShownEntities,
  store: LiveCityStore,
  versions: TLayerVersions,
  visible: ReadonlySet<TDomainName>,
  zoom: number,
  declared: { versions: Readonly<Record<string, number>>; visible: ReadonlySet<string> } = NO_DECLARED,
): Layer[] {
  const entities = shown;
  const options = (layer: TLayer) => ({ store, version: versions[layer], visible: visible.has(layer) });
  const unitOptions = { ...options("units"), stationsById: index.stations, zoom };
  return [
    createTrafficLayer(entities.segments, options("traffic")),
    createFeederLayer(entities.feeders, options("energy")),
    createParkingLayer(entities.parking, options("parking")),
    createWasteLayer(entities.bins, options("waste")),
    createSubstationLayer(entities.substations, options("energy")),
    // Declared domains' sensors above the built-in assets, below the units and their labels.
    ...(index.declaredDomains ?? []).map(({ definition }) =>
      createDeclaredDomainLayer(definition, shown.declared.get(definition.id) ?? NO_SENSORS, {
        store,
        version: declared.versions[definition.id] ?? 0,
        visible: declared.visible.has(definition.id),
      }),
    ),
    // Units move and are few: every one, whatever the view.
    createUnitLayer(index.entities.units, unitOptions),
    createUnitLabelLayer(index.entities.units, unitOptions),
  ];
}
