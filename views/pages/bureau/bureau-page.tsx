/**
 * A page of the bureau's area: the layout with the area's navigation, the heading (also the page's
 * title) and the introduction under it.
 * @example <BureauPage title={m.title} intro={m.intro}> … </BureauPage>
 */
import type { Child } from "hono/jsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { BureauNav } from "./bureau-nav.tsx";

export function BureauPage(props: { title: string; intro: Child; wide?: boolean; children?: Child }) {
  return (
    <BaseLayout title={props.title} wide={props.wide}>
      <BureauNav />
      <h1>{props.title}</h1>
      <p>{props.intro}</p>
      {props.children}
    </BaseLayout>
  );
}
