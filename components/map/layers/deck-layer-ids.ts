/** Stable deck.gl layer ids. Tests read `layer.props.visible` by these ids. */
export const DECK_LAYER_ID = {
  traffic: "traffic",
  parking: "parking",
  waste: "waste",
  feeders: "energy-feeders",
  substations: "energy-substations",
  units: "units",
  unitLabels: "units-labels",
  /** Operations overlay: units ringed in their dispatch status. */
  unitStatus: "units-status",
  dispatchRoutes: "dispatch-routes",
  dispatchRoutePreview: "dispatch-route-preview",
  incidents: "incidents",
  incidentLabels: "incidents-labels",
  alertHighlight: "alert-highlight",
  incidentPin: "incident-pin",
  /** Other agencies' CAP warning areas, and their severity labels. */
  capWarnings: "cap-warnings",
  capWarningLabels: "cap-warnings-labels",
  /** The city's zones (districts, beats…) as outlines, and their names at city zoom. */
  zones: "zones",
  zoneLabels: "zones-labels",
  /** Zoomed out over a big city: one square per tile, coloured by the state of its sensors. */
  areaSummaries: "area-summaries",
} as const;
