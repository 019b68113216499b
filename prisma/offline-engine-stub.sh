#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to point at an existing file.
# Commands that really need the engine (migrate, db push, introspection) land here and fail with
# "Schema engine error" (the CLI does not show this text): migrations are committed SQL in
# prisma/migrations, applied at start by server/db/migrate.ts.
echo "No Prisma schema engine offline: see prisma/offline-engine-stub.sh" >&2
exit 1
