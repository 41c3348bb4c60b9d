/** Pages for "not found", "something went wrong" and a refused request body: no stack trace, a way back. */
import { BaseLayout } from "../layouts/base.tsx";
import { messages } from "../messages.ts";

const m = messages.errors;
const TEXTS = {
  400: { title: m.badFormTitle, text: m.badForm },
  404: { title: m.notFoundTitle, text: m.notFound },
  415: { title: m.notAFormTitle, text: m.notAForm },
  500: { title: m.serverTitle, text: m.server },
} as const;

export function ErrorPage(props: { status: keyof typeof TEXTS }) {
  const { title, text } = TEXTS[props.status];
  return (
    <BaseLayout title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a class="button" href="/">
          {m.backHome}
        </a>
      </p>
    </BaseLayout>
  );
}
