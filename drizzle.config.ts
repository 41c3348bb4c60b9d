import { defineConfig } from "drizzle-kit";

// Generates SQL migrations from db/schema.ts into db/migrations; they are applied at start by
// db/migrate.ts (not by drizzle-kit), see docs/decisions/2026-11-23-migrations.md.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
