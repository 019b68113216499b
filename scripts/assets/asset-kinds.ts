import { z } from "zod";
import type { TCityEntities, TParkingLot, TStation, TSubstation, TWasteBin } from "@/lib/contracts/city-pack";
import type { TUnitImport } from "./asset-row-schemas";

/** What `npm run assets:import --kind` loads: the first four into the pack's entities.json, units into the database. */
export const ASSET_KINDS = ["parking", "bins", "substations", "stations", "units"] as const;
export const ZAssetKind = z.enum(ASSET_KINDS);
export type TAssetKind = z.infer<typeof ZAssetKind>;

export type TPackAssetKind = Exclude<TAssetKind, "units">;
export const isPackKind = (kind: TAssetKind): kind is TPackAssetKind => kind !== "units";

/** The asset each kind yields, as the pack (or, for units, the database) keeps it. */
export type TAssetOf = {
  parking: TParkingLot;
  bins: TWasteBin;
  substations: TSubstation;
  stations: TStation;
  units: TUnitImport;
};
export type TAsset = TAssetOf[TAssetKind];

/**
 * The flat fields of each kind: CSV columns and GeoJSON properties (a Point's coordinates fill lon and lat).
 * Required ones first; the README's "Bring your own assets" lists the same.
 */
export const ASSET_FIELDS: { readonly [K in TAssetKind]: { required: readonly string[]; optional: readonly string[] } } = {
  parking: { required: ["id", "name", "lon", "lat", "capacity"], optional: [] },
  bins: { required: ["id", "lon", "lat", "volumeL"], optional: ["street"] },
  substations: { required: ["id", "name", "lon", "lat", "capacityKw", "voltageV"], optional: [] },
  stations: { required: ["id", "name", "type", "lon", "lat"], optional: [] },
  units: { required: ["id", "callSign", "type", "stationId"], optional: ["capabilities"] },
};

export const PACK_LIST: { readonly [K in TPackAssetKind]: keyof TCityEntities } = {
  parking: "parking",
  bins: "bins",
  substations: "substations",
  stations: "stations",
};

/** How an asset is named in the dry run and the summary: what people call it, with its id. */
export function assetLabel(kind: TAssetKind, asset: TAsset): string {
  const a = asset as Partial<TParkingLot & TWasteBin & TUnitImport>;
  const name = kind === "units" ? a.callSign : kind === "bins" ? a.street : a.name;
  return name && name !== asset.id ? `${name} (${asset.id})` : asset.id;
}
