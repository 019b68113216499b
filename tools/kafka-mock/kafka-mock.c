/*
 * kafka-mock: an in-memory Kafka cluster for tests and local development,
 * built on librdkafka's mock cluster (real Kafka wire protocol, no JVM).
 *
 *   kafka-mock [--brokers N] [--topic name:partitions]...
 *
 * Prints exactly one line, BOOTSTRAP=<host:port,...>, then serves until
 * SIGTERM/SIGINT or until its parent process dies (so a crashed test run
 * never leaves orphaned clusters behind). Data lives in memory only.
 *
 * Fault injection for tests: one command per line on stdin, each answered
 * with one line on stdout, "OK <command>" or "ERR <why>":
 *   down <brokerId>                    broker closes its connections, refuses new ones
 *   up <brokerId>                      broker serves again
 *   errors <ApiKey> <n> <err>...       the next n requests of ApiKey fail with these
 *                                      Kafka error codes (-195 = drop the connection)
 *   rtt <brokerId> <ms>                delay every response of the broker
 * Broker ids are 1..N. EOF on stdin only ends the control channel.
 *
 * The mock does not support the CreateTopics admin API, so topics are
 * created here; topics not listed auto-create with 4 partitions.
 */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_TOPICS 256
#define MAX_INJECTED_ERRORS 64
#define MAX_COMMAND 1024

static volatile sig_atomic_t should_stop = 0;

static void on_signal(int sig) {
  (void)sig;
  should_stop = 1;
}

static void usage(const char *prog) {
  fprintf(stderr, "usage: %s [--brokers N] [--topic name:partitions]...\n", prog);
}

/* Parses a whole decimal integer; returns 0 on anything else. */
static int parse_long(const char *text, long *out) {
  char *end;
  if (!text) return 0;
  errno = 0;
  *out = strtol(text, &end, 10);
  return errno == 0 && end != text && *end == '\0';
}

/* Runs one control command and answers it on stdout. */
static void run_command(rd_kafka_mock_cluster_t *mc, char *line) {
  char echo[MAX_COMMAND];
  snprintf(echo, sizeof(echo), "%s", line);
  char *words[3 + MAX_INJECTED_ERRORS];
  int count = 0;
  for (char *word = strtok(line, " \t"); word && count < (int)(sizeof(words) / sizeof(*words)); word = strtok(NULL, " \t"))
    words[count++] = word;
  if (count == 0) return;

  rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
  long a, b;
  if (strcmp(words[0], "down") == 0 && count == 2 && parse_long(words[1], &a)) {
    err = rd_kafka_mock_broker_set_down(mc, (int32_t)a);
  } else if (strcmp(words[0], "up") == 0 && count == 2 && parse_long(words[1], &a)) {
    err = rd_kafka_mock_broker_set_up(mc, (int32_t)a);
  } else if (strcmp(words[0], "rtt") == 0 && count == 3 && parse_long(words[1], &a) && parse_long(words[2], &b)) {
    err = rd_kafka_mock_broker_set_rtt(mc, (int32_t)a, (int)b);
  } else if (strcmp(words[0], "errors") == 0 && count >= 4 && parse_long(words[1], &a) && parse_long(words[2], &b) &&
             b == count - 3) {
    rd_kafka_resp_err_t codes[MAX_INJECTED_ERRORS];
    for (int i = 0; i < b; i++) {
      long code;
      if (!parse_long(words[3 + i], &code)) {
        printf("ERR bad error code '%s'\n", words[3 + i]);
        fflush(stdout);
        return;
      }
      codes[i] = (rd_kafka_resp_err_t)code;
    }
    rd_kafka_mock_push_request_errors_array(mc, (int16_t)a, (size_t)b, codes);
  } else {
    printf("ERR unknown or malformed command: %s\n", echo);
    fflush(stdout);
    return;
  }
  if (err) printf("ERR %s: %s\n", echo, rd_kafka_err2str(err));
  else printf("OK %s\n", echo);
  fflush(stdout);
}

/* Reads what stdin has without blocking and runs each complete line. Returns 0 once stdin is closed. */
static int serve_commands(rd_kafka_mock_cluster_t *mc, char *pending, size_t *used) {
  struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};
  if (poll(&in, 1, 0) <= 0) return 1;
  ssize_t n = read(STDIN_FILENO, pending + *used, MAX_COMMAND - 1 - *used);
  if (n <= 0) return 0;
  *used += (size_t)n;
  pending[*used] = '\0';
  char *newline;
  while ((newline = strchr(pending, '\n'))) {
    *newline = '\0';
    if (newline > pending && newline[-1] == '\r') newline[-1] = '\0';
    run_command(mc, pending);
    size_t rest = *used - (size_t)(newline + 1 - pending);
    memmove(pending, newline + 1, rest + 1);
    *used = rest;
  }
  if (*used == MAX_COMMAND - 1) {
    printf("ERR command longer than %d bytes\n", MAX_COMMAND - 1);
    fflush(stdout);
    *used = 0;
  }
  return 1;
}

int main(int argc, char **argv) {
  int broker_cnt = 1;
  const char *topic_names[MAX_TOPICS];
  int topic_partitions[MAX_TOPICS];
  int topic_cnt = 0;

  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--brokers") == 0 && i + 1 < argc) {
      broker_cnt = atoi(argv[++i]);
      if (broker_cnt < 1) {
        fprintf(stderr, "kafka-mock: --brokers must be >= 1\n");
        return 2;
      }
    } else if (strcmp(argv[i], "--topic") == 0 && i + 1 < argc) {
      char *spec = argv[++i];
      char *colon = strrchr(spec, ':');
      int partitions = colon ? atoi(colon + 1) : 0;
      if (!colon || colon == spec || partitions < 1) {
        fprintf(stderr, "kafka-mock: bad --topic '%s' (expected name:partitions)\n", spec);
        return 2;
      }
      if (topic_cnt == MAX_TOPICS) {
        fprintf(stderr, "kafka-mock: at most %d topics\n", MAX_TOPICS);
        return 2;
      }
      *colon = '\0';
      topic_names[topic_cnt] = spec;
      topic_partitions[topic_cnt] = partitions;
      topic_cnt++;
    } else {
      usage(argv[0]);
      return 2;
    }
  }

  char errstr[512];
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  /* The handle only hosts the mock cluster; it never connects anywhere. */
  if (rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK) {
    fprintf(stderr, "kafka-mock: %s\n", errstr);
    return 1;
  }
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
  if (!rk) {
    fprintf(stderr, "kafka-mock: rd_kafka_new failed: %s\n", errstr);
    return 1;
  }

  rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(rk, broker_cnt);
  if (!mc) {
    fprintf(stderr, "kafka-mock: rd_kafka_mock_cluster_new failed\n");
    rd_kafka_destroy(rk);
    return 1;
  }

  for (int t = 0; t < topic_cnt; t++) {
    rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(mc, topic_names[t], topic_partitions[t], 1);
    if (err) {
      fprintf(stderr, "kafka-mock: creating topic %s failed: %s\n", topic_names[t], rd_kafka_err2str(err));
      rd_kafka_mock_cluster_destroy(mc);
      rd_kafka_destroy(rk);
      return 1;
    }
  }

  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);

  pid_t parent = getppid();
  printf("BOOTSTRAP=%s\n", rd_kafka_mock_cluster_bootstraps(mc));
  fflush(stdout);

  char pending[MAX_COMMAND];
  size_t used = 0;
  int has_control = 1;
  while (!should_stop && getppid() == parent) {
    if (has_control) has_control = serve_commands(mc, pending, &used);
    usleep(has_control ? 10 * 1000 : 100 * 1000);
  }

  rd_kafka_mock_cluster_destroy(mc);
  rd_kafka_destroy(rk);
  return 0;
}
