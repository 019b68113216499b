/**
 * Where each long-lived part of the app would run once CityNerve runs as several instances behind a load
 * balancer. Nothing acts on this yet: today one process runs every part. It is the seam for scaling out:
 * an "every" part serves this instance's clients or its share of the event stream; a "one" part works on
 * shared state on a clock, or on the whole city, and would need a single owner (a leader) to avoid doing
 * the work twice.
 */
export type TPlacement = "every" | "one";

export const PART_PLACEMENT = {
  /** Body limit, client IP, pages and route handlers: stateless per request. */
  http: "every",
  /** Sessions live in PostgreSQL: any instance answers any request. */
  auth: "every",
  /** Each instance pushes to its own sockets (several instances need a socket.io adapter between them). */
  realtimeHub: "every",
  /**
   * Source → pipeline → city state over every partition: each instance is the only member of its own Kafka
   * group (KAFKA_GROUP_ID.INSTANCE_ID) and replays the last KAFKA_BOOTSTRAP_REPLAY_SECONDS on start, so every
   * instance holds the whole live city; readiness waits for that replay. Dead letters: PostgreSQL keeps one per
   * source position; the dead-letter topic is written by the instance `writesDeadLetterTopic` names (the leader).
   */
  ingest: "every",
  /** Rules over this instance's partitions; on reassignment it reads the open alerts back (recoverEpisodes). */
  alertEngine: "every",
  /** A sweep over all open alerts on a clock: guarded in SQL (one runner wins each alert), so more runners only add load. */
  alertEscalation: "one",
  /** Route planning and unit positions answer this instance's requests from its city state. */
  dispatch: "every",
  /** Crews of the embedded simulator's units (the simulator itself is one process's source). */
  simulatedCrews: "one",
  /** Forgetting old idempotency keys: a periodic delete on shared rows. */
  forgetRequestKeys: "one",
  /** Per-minute snapshot of the whole city and partition maintenance of entity_history. */
  recorder: "one",
  /** Fills this process's in-memory cache of response-time figures. */
  kpiWarmUp: "every",
  /** Database, event source and sign-in up: a property of each instance. */
  readiness: "every",
} as const satisfies Record<string, TPlacement>;
