import { z } from "zod";

/** The live map layers, one per sensor domain. Each has its own Kafka topic. */
export const LAYERS = ["traffic", "parking", "waste", "energy", "units"] as const;
export const ZLayer = z.enum(LAYERS);
export type TLayer = z.infer<typeof ZLayer>;

export const TOPIC_BY_LAYER: Record<TLayer, string> = {
  traffic: "city.traffic",
  parking: "city.parking",
  waste: "city.waste",
  energy: "city.energy",
  units: "city.units",
};

export const DEAD_LETTER_TOPIC = "city.deadletter";
