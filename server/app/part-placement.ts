/**
 * Where each long-lived part of the app would run once CityNerve runs as several instances behind a load
 * balancer. An "every" part serves this instance's clients or its share of the event stream; a "one" part
 * works on shared state on a clock, or on the whole city, and runs only while this instance holds the
 * leader lease (server/cluster/leader-lease.ts, wired in create-app.ts; always, in embedded mode).
 */
export type TPlacement = "every" | "one";

export const PART_PLACEMENT = {
  /** Body limit, client IP, pages and route handlers: stateless per request. */
  http: "every",
  /** Sessions live in PostgreSQL: any instance answers any request. */
  auth: "every",
  /**
   * Each instance serves its own sockets: city deltas, snapshots and ingest figures come from its own city
   * state. With REDIS_URL, alerts, incidents, units, user pushes and disconnects reach every instance's
   * sockets through socket.io's Redis streams adapter, and instances tell each other of changes (cluster bus).
   */
  realtimeHub: "every",
  /**
   * Source → pipeline → city state over every partition: each instance is the only member of its own Kafka
   * group (KAFKA_GROUP_ID.INSTANCE_ID) and replays the last KAFKA_BOOTSTRAP_REPLAY_SECONDS on start, so every
   * instance holds the whole live city; readiness waits for that replay. Dead letters: PostgreSQL keeps one per
   * source position; the dead-letter topic is written by the instance `writesDeadLetterTopic` names (the leader).
   * Without Kafka, MQTT_URL makes MQTT the source of every instance (a session each); its dead letters, which have
   * no position to deduplicate on, are stored by the leader alone.
   */
  ingest: "every",
  /**
   * Rules over the whole city, stored and pushed by the leader alone so each alert is written once; a new
   * leader reads the open alerts back (recoverEpisodes) before it evaluates.
   */
  alertEngine: "one",
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
  /**
   * Publishes the outbox (operational events, written by every instance in the change's transaction) to Kafka
   * in id order: one relay keeps each entity's events in commit order.
   */
  opsOutboxRelay: "one",
  /**
   * MQTT_URL with KAFKA_BROKERS: one MQTT session for the city (client id `citynerve-bridge`), held by the leader, so
   * each message reaches Kafka once (at least) and what was published while no leader held it waits at the broker for
   * the next one. Not shared subscriptions: Mosquitto queues a share's messages for members that are offline with a
   * persistent session, so a stopped instance would sit on its share. Without Kafka the MQTT source is part of
   * `ingest` (every instance, a session each).
   */
  mqttBridge: "one",
  /** Polls other agencies' CAP feeds: one poller, so each feed is fetched and each warning pushed once. */
  capFeeds: "one",
  /**
   * Fans raised alerts out to contact points and works the delivery queue (a PostgreSQL table): one worker, so
   * each alert is fanned out once (a marker row commits with its deliveries) and each delivery tried by one.
   */
  notifications: "one",
  /**
   * Chases assignments no crew member acknowledged in the run card's time: a sweep on a clock, guarded in SQL (a
   * marker row per dispatch commits with the alert), so each is escalated once however many runners.
   */
  crewAckEscalation: "one",
  /**
   * Runs due steps of alerts' escalation chains (server/on-call/): each step is claimed with a conditional update,
   * so it runs once whoever leads; its deliveries go through the notifications queue.
   */
  escalationChains: "one",
  /** Fills this process's in-memory cache of response-time figures. */
  kpiWarmUp: "every",
  /** Database, event source and sign-in up: a property of each instance. */
  readiness: "every",
} as const satisfies Record<string, TPlacement>;
