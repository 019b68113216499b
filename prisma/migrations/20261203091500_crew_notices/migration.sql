-- Pushes to field crews' phones and the once-per-dispatch marker of unacknowledged assignments
-- (server/notifications/deliver-crew-notices.ts, server/dispatch/escalate-unacknowledged.ts).
-- Hand-written to match prisma/schema.prisma.
-- CreateTable
CREATE TABLE "crew_notices" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "contact_point_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "crew_notices_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "crew_notices_kind_check" CHECK ("kind" IN ('assignment', 'backup')),
    CONSTRAINT "crew_notices_status_check" CHECK ("status" IN ('pending', 'sent', 'failed')),
    CONSTRAINT "crew_notices_contact_point_id_fkey" FOREIGN KEY ("contact_point_id") REFERENCES "contact_points"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "crew_ack_escalations" (
    "dispatch_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "crew_ack_escalations_pkey" PRIMARY KEY ("dispatch_id"),
    CONSTRAINT "crew_ack_escalations_dispatch_id_fkey" FOREIGN KEY ("dispatch_id") REFERENCES "dispatches"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "crew_notices_kind_subject_id_contact_point_id_key" ON "crew_notices"("kind", "subject_id", "contact_point_id");

-- CreateIndex
CREATE INDEX "crew_notices_status_next_attempt_at_idx" ON "crew_notices"("status", "next_attempt_at");
