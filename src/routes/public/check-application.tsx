/**
 * 查询报名 without an account: GET shows the form; POST looks an application up by phone and
 * receipt code; POST …/withdraw withdraws it. Each handler parses, calls one use-case and renders;
 * the guessing limit, the one answer for every miss and the masking are the use-case's
 * (src/use-cases/application-receipt.ts). A refused guess is 429 with Retry-After, like sign-in.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { parsePhone } from "../../core/phone.ts";
import { parseReceiptCode } from "../../core/receipt-code.ts";
import { clientAddress } from "../../http/session.ts";
import type { LoginThrottle } from "../../security/login-throttle.ts";
import { checkApplicationByReceipt, withdrawApplicationByReceipt, type ReceiptResult } from "../../use-cases/application-receipt.ts";
import { ANONYMOUS_VISITOR } from "../../use-cases/audit-trail.ts";
import { CHECK_APPLICATION_PATH, CheckApplicationPage } from "../../../views/pages/public/check-application.tsx";
import { messages } from "../../../views/messages.ts";

const e = messages.receipt.errors;

export const ReceiptFormSchema = z.object({
  phone: z
    .string()
    .trim()
    .min(1, e.phoneRequired)
    .transform((typed, ctx) => parsePhone(typed, "mobile") ?? (ctx.addIssue({ code: "custom", message: e.phoneInvalid }), "")),
  code: z
    .string()
    .transform((typed, ctx) => parseReceiptCode(typed) ?? (ctx.addIssue({ code: "custom", message: e.codeInvalid }), "")),
});

type Parsed = { ok: true; phone: string; code: string } | { ok: false; values: { phone: string; code: string }; errors: { phone?: string; code?: string } };

function parseReceiptForm(body: Record<string, unknown>): Parsed {
  const values = { phone: typeof body.phone === "string" ? body.phone.slice(0, 40) : "", code: typeof body.code === "string" ? body.code.slice(0, 40) : "" };
  const result = ReceiptFormSchema.safeParse(values);
  if (result.success) return { ok: true, ...result.data };
  const errors: { phone?: string; code?: string } = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as "phone" | "code";
    errors[field] ??= issue.message;
  }
  return { ok: false, values, errors };
}

export function checkApplicationRoutes(deps: AppDeps & { throttle: LoginThrottle }): Hono {
  const app = new Hono();

  const answer = (c: Context, parsed: Extract<Parsed, { ok: true }>, result: ReceiptResult) => {
    switch (result.outcome) {
      case "throttled": {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        c.header("Retry-After", String(seconds));
        return c.html(<CheckApplicationPage values={{ phone: parsed.phone }} problem={e.tooMany(seconds)} />, 429);
      }
      case "not-found":
        // The same words whether the phone, the code or the pair is wrong: nothing is revealed.
        return c.html(<CheckApplicationPage values={{ phone: parsed.phone }} problem={e.notFound} />, 404);
      case "found":
        return c.html(<CheckApplicationPage found={{ application: result.application, phone: parsed.phone, code: parsed.code }} />);
      case "withdrawn":
        return c.html(<CheckApplicationPage found={{ application: result.application, phone: parsed.phone, code: parsed.code, notice: messages.receipt.withdrawn }} />);
      case "final":
        return c.html(<CheckApplicationPage found={{ application: result.application, phone: parsed.phone, code: parsed.code, notice: messages.receipt.cannotWithdraw }} />, 409);
    }
  };

  app.get(CHECK_APPLICATION_PATH, (c) => c.html(<CheckApplicationPage />));

  app.post(CHECK_APPLICATION_PATH, async (c) => {
    const parsed = parseReceiptForm(await c.req.parseBody());
    if (!parsed.ok) return c.html(<CheckApplicationPage values={parsed.values} errors={parsed.errors} />, 422);
    const result = checkApplicationByReceipt(deps, { phone: parsed.phone, code: parsed.code, address: clientAddress(c), now: deps.now() });
    return answer(c, parsed, result);
  });

  app.post(`${CHECK_APPLICATION_PATH}/withdraw`, async (c) => {
    const parsed = parseReceiptForm(await c.req.parseBody());
    if (!parsed.ok) return c.html(<CheckApplicationPage values={parsed.values} errors={parsed.errors} />, 422);
    const user = c.get("user");
    const by = user ? { userId: user.actor.userId, login: user.login } : ANONYMOUS_VISITOR;
    const result = withdrawApplicationByReceipt(deps, { phone: parsed.phone, code: parsed.code, address: clientAddress(c), now: deps.now(), by });
    return answer(c, parsed, result);
  });

  return app;
}
