/** The one line a refused second start or restore prints, naming the process that holds DATA_DIR. */
import { messages } from "../../views/messages.ts";
import type { DataDirLockedError } from "./server-lock.ts";

export function dataDirLockedMessage(error: DataDirLockedError): string {
  const m = messages.cli.dataDirLock;
  const h = error.holder;
  if (!h) return m.heldByUnknown(error.dataDir);
  if (h.role === "server") return m.heldByServer(error.dataDir, h.pid, h.port, h.startedAt);
  return m.heldByCommand(error.dataDir, h.role, h.pid, h.startedAt);
}
