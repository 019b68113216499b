-- Warnings from other agencies (CAP 1.2 ingest, server/cap/). Hand-written to match prisma/schema.prisma.
-- CreateTable
CREATE TABLE "cap_warnings" (
    "id" UUID NOT NULL,
    "sender" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "sent" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "msg_type" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "reference_keys" TEXT[],
    "state" TEXT NOT NULL,
    "event" TEXT,
    "urgency" TEXT,
    "severity" TEXT,
    "certainty" TEXT,
    "sender_name" TEXT,
    "headline" TEXT,
    "description" TEXT,
    "instruction" TEXT,
    "area_desc" TEXT,
    "polygons" JSONB NOT NULL,
    "onset" TIMESTAMPTZ(3),
    "expires" TIMESTAMPTZ(3),
    "source" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cap_warnings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cap_feeds" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "etag" TEXT,
    "last_modified" TEXT,
    "last_polled_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cap_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cap_warnings_sender_identifier_key" ON "cap_warnings"("sender", "identifier");

-- CreateIndex
CREATE INDEX "cap_warnings_state_expires_idx" ON "cap_warnings"("state", "expires");

-- CreateIndex
CREATE UNIQUE INDEX "cap_feeds_url_key" ON "cap_feeds"("url");
