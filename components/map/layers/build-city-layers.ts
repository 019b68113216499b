import type { Layer } from "@deck.gl/core";
import type { TLayer } from "@/lib/contracts/layers";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { LiveCityStore, TLayerVersions } from "@/components/live/live-city-store";
import { createFeederLayer, createSubstationLayer } from "./energy-layers";
import { createParkingLayer } from "./parking-layer";
import { createTrafficLayer } from "./traffic-layer";
import { createUnitLabelLayer, createUnitLayer } from "./unit-layers";
import { createWasteLayer } from "./waste-layer";
import { createDeclaredDomainLayer } from "./declared-domain-layer";

const NO_DECLARED = { versions: {}, visible: new Set<string>() };

/**
 * All deck.gl layers, bottom to top. Hidden layers stay in the list with
 * `visible: false` so their GPU buffers survive a toggle. Data arrays come from
 * the entity index and keep their identity across deltas.
 */
export function buildCityLayers(
  index: TEntityIndex,
  store: LiveCityStore,
  versions: TLayerVersions,
  visible: ReadonlySet<TLayer>,
  zoom: number,
  declared: { versions: Readonly<Record<string, number>>; visible: ReadonlySet<string> } = NO_DECLARED,
): Layer[] {
  const { entities } = index;
  const options = (layer: TLayer) => ({ store, version: versions[layer], visible: visible.has(layer) });
  const unitOptions = { ...options("units"), stationsById: index.stations, zoom };
  return [
    createTrafficLayer(entities.segments, options("traffic")),
    createFeederLayer(entities.feeders, options("energy")),
    createParkingLayer(entities.parking, options("parking")),
    createWasteLayer(entities.bins, options("waste")),
    createSubstationLayer(entities.substations, options("energy")),
    // Declared domains' sensors above the built-in assets, below the units and their labels.
    ...(index.declaredDomains ?? []).map(({ definition, entities: sensors }) =>
      createDeclaredDomainLayer(definition, sensors, {
        store,
        version: declared.versions[definition.id] ?? 0,
        visible: declared.visible.has(definition.id),
      }),
    ),
    createUnitLayer(entities.units, unitOptions),
    createUnitLabelLayer(entities.units, unitOptions),
  ];
}
