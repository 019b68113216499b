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
 * The mock does not support the CreateTopics admin API, so topics are
 * created here; topics not listed auto-create with 4 partitions.
 */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_TOPICS 256

static volatile sig_atomic_t should_stop = 0;

static void on_signal(int sig) {
  (void)sig;
  should_stop = 1;
}

static void usage(const char *prog) {
  fprintf(stderr, "usage: %s [--brokers N] [--topic name:partitions]...\n", prog);
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

  while (!should_stop && getppid() == parent) usleep(100 * 1000);

  rd_kafka_mock_cluster_destroy(mc);
  rd_kafka_destroy(rk);
  return 0;
}
