-- Every instance reads every Kafka partition, so each rejects the same malformed message: its position
-- names it, and the store keeps the first (inserts skip duplicates). The simulator's offsets restart
-- with every run, so only Kafka's positions are unique.
-- AlterTable
ALTER TABLE "dead_letters" ADD COLUMN     "source_kind" TEXT;

CREATE UNIQUE INDEX "dead_letters_kafka_position_key" ON "dead_letters" ("source_topic", "source_partition", "source_offset") WHERE "source_kind" = 'kafka';
