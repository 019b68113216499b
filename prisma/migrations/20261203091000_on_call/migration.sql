-- On-call rotas, escalation policies and chains, one-tap acknowledge links, grouped deliveries (server/on-call/,
-- server/notifications/). Hand-written to match prisma/schema.prisma.
-- AlterTable: a delivery belongs to a step of an alert's chain (0: raised), and to the message it went out in.
ALTER TABLE "notification_deliveries" ADD COLUMN "step" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "notification_deliveries" ADD COLUMN "group_key" TEXT;
ALTER TABLE "notification_deliveries" ADD COLUMN "message_id" UUID;
DROP INDEX "notification_deliveries_alert_id_contact_point_id_key";
CREATE UNIQUE INDEX "notification_deliveries_alert_id_contact_point_id_step_key" ON "notification_deliveries"("alert_id", "contact_point_id", "step");
CREATE INDEX "notification_deliveries_contact_point_id_group_key_sent_at_idx" ON "notification_deliveries"("contact_point_id", "group_key", "sent_at");

-- CreateTable
CREATE TABLE "on_call_rotas" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "member_ids" TEXT[],
    "shift_minutes" INTEGER NOT NULL,
    "anchor_at" TIMESTAMPTZ(3) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "on_call_rotas_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "on_call_rotas_shift_check" CHECK ("shift_minutes" > 0)
);

-- CreateTable
CREATE TABLE "escalation_policies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "severity" "alert_severity",
    "domain" TEXT,
    "zone" TEXT,
    "steps" JSONB NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_escalations" (
    "alert_id" UUID NOT NULL,
    "policy_id" UUID,
    "policy_name" TEXT NOT NULL,
    "steps" JSONB NOT NULL,
    "next_step" INTEGER NOT NULL DEFAULT 0,
    "next_step_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_escalations_pkey" PRIMARY KEY ("alert_id")
);

-- CreateTable
CREATE TABLE "ack_links" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "alerts" JSONB NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ack_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "on_call_rotas_name_key" ON "on_call_rotas"("name");
CREATE UNIQUE INDEX "escalation_policies_name_key" ON "escalation_policies"("name");
CREATE INDEX "alert_escalations_next_step_at_idx" ON "alert_escalations"("next_step_at");
CREATE UNIQUE INDEX "ack_links_token_hash_key" ON "ack_links"("token_hash");
CREATE INDEX "ack_links_expires_at_idx" ON "ack_links"("expires_at");

-- AddForeignKey
ALTER TABLE "alert_escalations" ADD CONSTRAINT "alert_escalations_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
