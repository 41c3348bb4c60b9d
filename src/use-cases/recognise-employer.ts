/**
 * 认定: county staff recognise a 帮扶车间 or 卫星工厂 (it may then receive workshop subsidies), or
 * withdraw the recognition, with a date and a note. The history row, the employer's current
 * status, the audit row and the search outbox row are written in one transaction.
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { insertRecognition, setEmployerRecognition } from "../../db/queries/recognitions.ts";
import type { RecognitionStatus } from "../core/enums.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";

export function employerRecogniser(
  deps: { db: Db },
  props: { employer: { id: number; recognition: RecognitionStatus }; status: RecognitionStatus; effectiveDate: string; note: string | null; by: ChangeAuthor; now: Date },
): void {
  const now = props.now;
  deps.db.transaction((tx) => {
    const row = insertRecognition(tx, {
      employerId: props.employer.id,
      status: props.status,
      effectiveDate: props.effectiveDate,
      note: props.note,
      byUserId: "userId" in props.by ? props.by.userId : null,
    });
    const after = setEmployerRecognition(tx, props.employer.id, props.status, now);
    recordChange(tx, props.by, {
      action: "update",
      entity: "employer",
      entityId: props.employer.id,
      before: { recognition: props.employer.recognition },
      after: { recognition: after.recognition, effectiveDate: row.effectiveDate, note: row.note },
    });
    enqueueSearchUpdate(tx, "employer", [props.employer.id]);
  });
}
