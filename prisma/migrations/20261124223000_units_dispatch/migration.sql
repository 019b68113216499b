-- Units, dispatches and idempotent requests (issue: dispatch first responders, field crew view).
-- Hand-written to match prisma/schema.prisma (Prisma 7's CLI cannot diff offline).

-- AlterTable
ALTER TABLE "users" ADD COLUMN "unit_id" TEXT;

-- CreateTable
CREATE TABLE "units" (
    "id" TEXT NOT NULL,
    "call_sign" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "station_id" TEXT NOT NULL,
    "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" TEXT NOT NULL DEFAULT 'available',
    "status_since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_contact_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "incident_id" UUID,
    "needs_backup" BOOLEAN NOT NULL DEFAULT false,
    "out_of_service_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatches" (
    "id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "unit_id" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'active',
    "dispatched_by_id" TEXT,
    "dispatched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "en_route_at" TIMESTAMPTZ(3),
    "on_scene_at" TIMESTAMPTZ(3),
    "cleared_at" TIMESTAMPTZ(3),
    "eta_seconds" DOUBLE PRECISION NOT NULL,
    "distance_m" DOUBLE PRECISION NOT NULL,
    "route" JSONB NOT NULL,

    CONSTRAINT "dispatches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotent_requests" (
    "key" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,

    CONSTRAINT "idempotent_requests_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "users_unit_id_idx" ON "users"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "units_call_sign_key" ON "units"("call_sign");

-- CreateIndex
CREATE INDEX "units_status_idx" ON "units"("status");

-- CreateIndex
CREATE INDEX "dispatches_incident_id_dispatched_at_idx" ON "dispatches"("incident_id", "dispatched_at");

-- CreateIndex
CREATE INDEX "dispatches_unit_id_dispatched_at_idx" ON "dispatches"("unit_id", "dispatched_at" DESC);

-- CreateIndex
CREATE INDEX "idempotent_requests_at_idx" ON "idempotent_requests"("at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_dispatched_by_id_fkey" FOREIGN KEY ("dispatched_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Not expressible in the Prisma schema: the rules the application relies on, enforced by the database too.
-- A unit has at most one active dispatch: of two operators dispatching it at once, exactly one insert succeeds.
CREATE UNIQUE INDEX "dispatches_one_active_per_unit" ON "dispatches"("unit_id") WHERE "state" = 'active';
ALTER TABLE "units" ADD CONSTRAINT "units_type_check" CHECK ("type" IN ('police', 'fire', 'ems', 'sanitation', 'utility'));
ALTER TABLE "units" ADD CONSTRAINT "units_status_check" CHECK ("status" IN ('available', 'dispatched', 'enRoute', 'onScene', 'returning', 'outOfService'));
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_state_check" CHECK ("state" IN ('active', 'cleared', 'cancelled'));
