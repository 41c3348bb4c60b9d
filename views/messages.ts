/**
 * Every text a person reads, in Simplified Chinese, in one place. Views and handlers take their
 * words from here; code, logs and comments stay in English. The catalogue is kept by audience in
 * views/messages/ (common, public, accounts, manage, bureau, api, imports, cli, subsidies); this index
 * composes them into the one `messages` object every importer uses. A new section goes into the
 * file of the audience that reads it (a new audience: a new file, spread here).
 */
import { commonMessages } from "./messages/common.ts";
import { publicMessages } from "./messages/public.ts";
import { accountsMessages } from "./messages/accounts.ts";
import { manageMessages } from "./messages/manage.ts";
import { bureauMessages } from "./messages/bureau.ts";
import { apiMessages } from "./messages/api.ts";
import { importsMessages } from "./messages/imports.ts";
import { cliMessages } from "./messages/cli.ts";
import { subsidiesMessages } from "./messages/subsidies.ts";
import { subsidyWorkflowMessages } from "./messages/subsidy-workflow.ts";
import { subsidyLedgerMessages } from "./messages/subsidy-ledger.ts";
import { subsidyFiguresMessages, subsidyPoliciesMessages } from "./messages/subsidy-policies.ts";
import { uxMessages } from "./messages/ux.ts";
import { fieldsMessages } from "./messages/fields.ts";
import { textFieldsMessages } from "./messages/text-fields.ts";
import { integrityMessages } from "./messages/integrity.ts";
import { matchingMessages } from "./messages/matching.ts";
import { seekerHelpMessages } from "./messages/seeker-help.ts";
import { staffExtraMessages } from "./messages/staff-extra.ts";
import { retentionMessages } from "./messages/retention.ts";
import { statsPageWorkshopsMessages } from "./messages/stats-page-workshops.ts";

export const messages = {
  ...commonMessages,
  ...publicMessages,
  ...accountsMessages,
  ...manageMessages,
  ...bureauMessages,
  ...apiMessages,
  ...importsMessages,
  ...cliMessages,
  ...subsidiesMessages,
  ...subsidyWorkflowMessages,
  ...subsidyLedgerMessages,
  ...subsidyPoliciesMessages,
  ...subsidyFiguresMessages,
  ...uxMessages,
  ...fieldsMessages,
  ...textFieldsMessages,
  ...integrityMessages,
  ...matchingMessages,
  ...seekerHelpMessages,
  ...staffExtraMessages,
  ...retentionMessages,
  ...statsPageWorkshopsMessages,
} as const;

export type Messages = typeof messages;
