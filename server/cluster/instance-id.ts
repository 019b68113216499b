import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/**
 * This process's name among the city's instances: `INSTANCE_ID` when the deployment names it (a pod or
 * container name), else host, pid and a random tail so a restarted process is a new instance. Shown in
 * logs, the status bar's tooltip and /metrics, and used wherever an instance needs its own identity
 * (its own Kafka consumer group, the leader lease's holder).
 */
export const INSTANCE_ID: string = process.env.INSTANCE_ID?.trim() || `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;

/** What stays the same when this instance restarts (its deployment name, else the host): names per-instance state kept elsewhere. */
export const STABLE_INSTANCE_NAME: string = process.env.INSTANCE_ID?.trim() || hostname();
