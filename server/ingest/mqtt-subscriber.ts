import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import type { TMqttState, TMqttStatus } from "@/lib/contracts/realtime";
import { brokerAddressOf, type TMqttConnection } from "./mqtt-connection";
import { mqttSubscriptionsOf, toRawMqttMessage } from "./mqtt-topic";
import type { TRawMessage } from "./types";

/** How long the broker keeps the session (and what is published for it) while nobody holds it. */
const SESSION_EXPIRY_SECONDS = 7 * 86_400;
/** A connection down this long counts as the broker being unreachable (one dropped connection is routine). */
const UNREACHABLE_AFTER_MS = 3_000;
const RECONNECT_MS = 1_000;
/**
 * Told to the broker at CONNECT (MQTT 5 Maximum Packet Size), so a hostile sensor cannot make this process buffer
 * megabytes: up to this size a message too large for validation (64 KB) is dead-lettered; beyond it the broker drops it.
 */
const MAX_PACKET_BYTES = 1024 * 1024;
/** After a message could not be taken, the next redelivery waits this long, doubling to the maximum. */
const REDELIVERY_BACKOFF = { initialMs: 1_000, maxMs: 30_000 };

export type TMqttSubscriberOptions = {
  connection: TMqttConnection;
  role: TMqttStatus["role"];
  /**
   * Takes one message (applies, forwards or dead-letters it). Resolved → acknowledged to the broker; rejected → not
   * acknowledged, and the connection is renewed after a backoff so the broker delivers it again.
   */
  handle(message: TRawMessage): Promise<void>;
  redeliveryBackoff?: { initialMs: number; maxMs: number };
  log?: (message: string, error?: unknown) => void;
  now?: () => number;
};

export type TMqttSubscriber = {
  /** Connects in the background (a broker that is down is retried, and shown as unreachable); resolves at once. */
  start(): void;
  /** Waits for the message in hand, then leaves: the session and anything unacknowledged stay with the broker. */
  stop(): Promise<void>;
  status(): TMqttStatus;
};

/**
 * An MQTT 5 subscriber with a persistent session (clean start off, a session expiry, a stable client id) at QoS 1,
 * acknowledging each message only once `handle` took it: mqtt.js' `customHandleAcks` sends the PUBACK when its
 * callback is called, so it is called after `handle` resolved. Messages are handled one at a time, in order (mqtt.js
 * reads the next packet only after that callback). When `handle` fails, that message and every later one on this
 * connection stay unacknowledged and the connection is renewed: the broker redelivers them in their order.
 */
export function createMqttSubscriber(options: TMqttSubscriberOptions): TMqttSubscriber {
  const { connection } = options;
  const log = options.log ?? ((message, error) => console.error(`[mqtt] ${message}`, error ?? ""));
  const now = options.now ?? Date.now;
  const backoff = options.redeliveryBackoff ?? REDELIVERY_BACKOFF;
  const broker = brokerAddressOf(connection.url);

  let client: MqttClient | undefined;
  let state: Exclude<TMqttState, "standby" | "unreachable"> = "connecting";
  let since = now();
  let acknowledged = 0;
  let unacknowledged = 0;
  let lastError: TMqttStatus["lastError"] = null;
  let offset = 0n;
  /** Set when a message could not be taken: the rest of this connection's messages wait for the redelivery. */
  let isRenewing = false;
  let failuresInARow = 0;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  let inHand: Promise<void> = Promise.resolve();
  let stopping: Promise<void> | undefined;
  /** One log line per outage, however many reconnects fail. */
  let hasLoggedOutage = false;

  const setState = (next: typeof state) => {
    if (next !== state) since = now();
    state = next;
  };
  const noteError = (message: string) => {
    lastError = { message: message.slice(0, 500), at: new Date(now()).toISOString() };
  };

  /** One at a time, in arrival order, whatever the QoS (QoS 0 messages do not wait for mqtt.js' callback). */
  function take(topic: string, payload: Buffer): Promise<void> {
    const raw = toRawMqttMessage(connection.topicPattern, topic, payload, String(offset++), connection.declaredDomains);
    const taking = inHand.then(() => (isRenewing ? Promise.reject(new Error("waiting for the broker to redeliver")) : options.handle(raw)));
    inHand = taking.catch(() => {});
    return taking;
  }

  function renewConnection(error: unknown): void {
    if (isRenewing) return;
    isRenewing = true;
    const waitMs = Math.min(backoff.initialMs * 2 ** failuresInARow, backoff.maxMs);
    failuresInARow++;
    noteError(`a message could not be taken, redelivery in ${waitMs} ms: ${(error as Error)?.message ?? String(error)}`);
    log(`a message could not be taken; renewing the connection in ${waitMs} ms so the broker delivers it again`, error);
    renewTimer = setTimeout(() => {
      if (stopping || !client) return;
      setState("reconnecting");
      const current = client;
      // Forced: nothing of ours is in flight outward; the session and its unacknowledged messages stay at the broker.
      current.end(true, {}, () => {
        if (stopping) return;
        isRenewing = false;
        current.reconnect();
      });
    }, waitMs);
  }

  const clientOptions: IClientOptions = {
    protocolVersion: 5,
    clientId: connection.clientId,
    clean: false,
    properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS, maximumPacketSize: MAX_PACKET_BYTES },
    username: connection.username,
    password: connection.password,
    ...connection.tls,
    reconnectPeriod: RECONNECT_MS,
    // A broker that is restarting may refuse a connection ("server unavailable"): keep trying, as for a dropped one.
    reconnectOnConnackError: true,
    connectTimeout: 10_000,
    customHandleAcks(topic, payload, _packet, done) {
      take(topic, payload).then(
        () => {
          acknowledged++;
          failuresInARow = 0;
          done(0); // reason code 0: success, PUBACK sent
        },
        (error: unknown) => {
          unacknowledged++;
          renewConnection(error);
          // An error (not a reason code): mqtt.js sends no PUBACK, so the message stays the broker's to deliver.
          done(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
  };

  function connect(): void {
    const current = mqtt.connect(connection.url, clientOptions);
    client = current;
    current.on("connect", () => {
      current.subscribeAsync(mqttSubscriptionsOf(connection.topicPattern, connection.declaredDomains), { qos: 1 }).then(
        (granted) => {
          const refused = granted.filter((g) => g.qos > 2);
          if (refused.length > 0) noteError(`the broker refused the subscription to ${refused.map((g) => g.topic).join(", ")}`);
          if (!isRenewing) setState("connected");
          hasLoggedOutage = false;
        },
        (error: Error) => noteError(`subscribing failed: ${error.message}`),
      );
    });
    current.on("message", (topic, payload, packet) => {
      // QoS 1 and 2 arrive through customHandleAcks (this event follows their acknowledgement); QoS 0 only here.
      if (packet.qos === 0) {
        take(topic, payload).then(
          () => void acknowledged++,
          (error: unknown) => log("a QoS 0 message could not be taken (the sender asked for no redelivery)", error),
        );
      }
    });
    current.on("close", () => {
      if (!stopping && state !== "connecting") setState("reconnecting");
    });
    current.on("error", (error) => {
      // Refused connections, refused credentials, and our own unacknowledged messages (noted where they happen).
      if (isRenewing) return;
      noteError(error.message);
      if (!hasLoggedOutage) log(`${broker} (client id ${connection.clientId}): ${error.message}; retrying every ${RECONNECT_MS} ms`);
      hasLoggedOutage = true;
    });
  }

  return {
    start() {
      if (client || stopping) return;
      setState("connecting");
      connect();
    },

    stop() {
      stopping ??= (async () => {
        clearTimeout(renewTimer);
        await inHand;
        await client?.endAsync();
      })();
      return stopping;
    },

    status() {
      const isDown = (state === "reconnecting" || state === "connecting") && now() - since >= UNREACHABLE_AFTER_MS;
      return {
        role: options.role,
        state: isDown && !isRenewing ? "unreachable" : state,
        since: new Date(since).toISOString(),
        broker,
        acknowledged,
        unacknowledged,
        lastError,
      };
    },
  };
}
