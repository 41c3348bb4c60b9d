/** Pages for "not found" and "something went wrong": no stack trace, a way back. */
import { BaseLayout } from "../layouts/base.tsx";
import { messages } from "../messages.ts";

export function ErrorPage(props: { status: 404 | 500 }) {
  const notFound = props.status === 404;
  return (
    <BaseLayout title={notFound ? messages.errors.notFoundTitle : messages.errors.serverTitle}>
      <h1>{notFound ? messages.errors.notFoundTitle : messages.errors.serverTitle}</h1>
      <p>{notFound ? messages.errors.notFound : messages.errors.server}</p>
      <p>
        <a class="button" href="/">
          {messages.errors.backHome}
        </a>
      </p>
    </BaseLayout>
  );
}
