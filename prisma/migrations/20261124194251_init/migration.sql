-- CreateTable
CREATE TABLE "dead_letters" (
    "id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "source_topic" TEXT NOT NULL,
    "source_partition" INTEGER NOT NULL,
    "source_offset" TEXT NOT NULL,
    "key" TEXT,
    "payload" TEXT,

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dead_letters_received_at_idx" ON "dead_letters"("received_at" DESC);
