/** Where CityNerve serves its own @context (app/ngsi-ld/v1/context.jsonld/route.ts). */
export const NGSI_LD_CONTEXT_PATH = "/ngsi-ld/v1/context.jsonld";

/** The spec's core context: always last, so no term of ours can redefine a core one. */
export const NGSI_LD_CORE_CONTEXT_URL = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld";

/** Terms of CityNerve's own (the energy type and unit status have no Smart Data Models counterpart that fits). */
const CITYNERVE_TERMS = "https://citynerve.org/ngsi-ld/terms#";
const SDM = "https://smartdatamodels.org/";

/**
 * The @context naming every type and attribute CityNerve serves: Smart Data Models IRIs where a model exists
 * (TrafficFlowObserved, OffStreetParking, WasteContainer, Vehicle), CityNerve's own for the rest.
 */
export const NGSI_LD_CONTEXT_DOCUMENT = {
  "@context": [
    {
      TrafficFlowObserved: `${SDM}dataModel.Transportation/TrafficFlowObserved`,
      intensity: `${SDM}dataModel.Transportation/intensity`,
      averageVehicleSpeed: `${SDM}dataModel.Transportation/averageVehicleSpeed`,
      occupancy: `${SDM}dataModel.Transportation/occupancy`,
      congested: `${SDM}dataModel.Transportation/congested`,
      OffStreetParking: `${SDM}dataModel.Parking/OffStreetParking`,
      availableSpotNumber: `${SDM}dataModel.Parking/availableSpotNumber`,
      totalSpotNumber: `${SDM}dataModel.Parking/totalSpotNumber`,
      WasteContainer: `${SDM}dataModel.WasteManagement/WasteContainer`,
      fillingLevel: `${SDM}dataModel.WasteManagement/fillingLevel`,
      temperature: `${SDM}dataModel.WasteManagement/temperature`,
      status: `${SDM}dataModel.WasteManagement/status`,
      Vehicle: `${SDM}dataModel.Transportation/Vehicle`,
      vehicleType: `${SDM}dataModel.Transportation/vehicleType`,
      heading: `${SDM}dataModel.Transportation/heading`,
      speed: `${SDM}dataModel.Transportation/speed`,
      dateObserved: `${SDM}dateObserved`,
      name: `${SDM}name`,
      address: `${SDM}address`,
      streetAddress: `${SDM}streetAddress`,
      EnergyMeasurement: `${CITYNERVE_TERMS}EnergyMeasurement`,
      assetKind: `${CITYNERVE_TERMS}assetKind`,
      activePower: `${CITYNERVE_TERMS}activePower`,
      capacity: `${CITYNERVE_TERMS}capacity`,
      voltage: `${CITYNERVE_TERMS}voltage`,
      frequency: `${CITYNERVE_TERMS}frequency`,
      unitStatus: `${CITYNERVE_TERMS}unitStatus`,
    },
    NGSI_LD_CORE_CONTEXT_URL,
  ],
} as const;

/** Entity types by their short name or the full IRI the context expands them to (either may be asked for). */
const TERMS = NGSI_LD_CONTEXT_DOCUMENT["@context"][0] as Record<string, string>;
const SHORT_BY_IRI = new Map(Object.entries(TERMS).map(([short, iri]) => [iri, short]));

export function compactTerm(term: string): string {
  return SHORT_BY_IRI.get(term) ?? term;
}

/** The context's absolute URL on the server that answers `request` (what Link headers and @context name). */
export function contextUrlFor(request: Request): string {
  return new URL(NGSI_LD_CONTEXT_PATH, request.url).toString();
}
