/**
 * The one-person registry form (登记一人 / 修改信息): the workers spreadsheet's columns as a form,
 * grouped as household, person and work wishes; enumerations as choices; every problem beside
 * its field in Chinese, with what was typed kept. Works without JavaScript.
 */
import { AVAILABLE_TIMES, HOUSEHOLD_CATEGORIES, LABOUR_ABILITIES, PREFERRED_AREAS } from "../../../src/core/enums.ts";
import type { PersonErrors, PersonValues } from "../../../src/use-cases/registry-person.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { Notice, SelectField, TextField } from "../../components/form-field.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";

const options = (values: readonly string[], empty?: string) => [...(empty !== undefined ? [["", empty] as const] : []), ...values.map((v) => [v, v] as const)];

export function RegistryPersonPage(props: {
  /** Set when correcting an existing worker. */
  edit?: { workerId: number; name: string } | undefined;
  values: PersonValues;
  errors?: PersonErrors | undefined;
  towns: readonly string[];
  notice?: string | undefined;
}) {
  const m = messages.registryPerson;
  const l = m.labels;
  const v = props.values;
  const e = props.errors ?? {};
  const failed = Object.keys(e).length > 0;
  const yesNo = [["是", m.yes], ["否", m.no]] as const;
  const action = props.edit ? `/bureau/workers/${props.edit.workerId}/edit` : "/bureau/workers/new";
  return (
    <BureauPage title={props.edit ? m.editTitle(props.edit.name) : m.newTitle} intro={props.edit ? m.editIntro : m.intro}>
      <Notice text={failed ? (e.form ? `${m.fixErrors}${e.form}` : m.fixErrors) : undefined} kind="error" />
      <Notice text={props.notice} />
      {props.edit ? (
        <p>
          <a href={`/bureau/workers/${props.edit.workerId}`}>{m.backToWorker}</a>
        </p>
      ) : null}
      <form method="post" action={action} class="stacked registry-person" novalidate>
        <CsrfField />
        <fieldset>
          <legend>{m.household}</legend>
          <TextField name="householdCode" label={l.householdCode} value={v.householdCode} error={e.householdCode} required />
          <SelectField name="category" label={l.category} value={v.category} error={e.category} options={options(HOUSEHOLD_CATEGORIES, m.choose)} />
          <SelectField name="relocated" label={l.relocated} value={v.relocated || "否"} error={e.relocated} options={yesNo} />
          <TextField name="householdSize" label={l.householdSize} type="number" inputmode="numeric" value={v.householdSize} error={e.householdSize} />
          <SelectField name="town" label={l.town} value={v.town} error={e.town} options={options(props.towns, props.towns.length === 1 ? undefined : m.choose)} />
          <TextField name="village" label={l.village} value={v.village} error={e.village} placeholder={m.villageHint} required />
        </fieldset>
        <fieldset>
          <legend>{m.person}</legend>
          <TextField name="name" label={l.name} value={v.name} error={e.name} required />
          {props.edit ? (
            <>
              <p class="readonly-field">
                {l.idNumber}：<span class="id-number">{v.idNumber}</span>
              </p>
              <input type="hidden" name="idNumber" value={v.idNumber ?? ""} />
            </>
          ) : (
            <TextField name="idNumber" label={l.idNumber} value={v.idNumber} error={e.idNumber} required />
          )}
          {props.edit && e.idNumber ? <p class="field-error" id="idNumber-error">{e.idNumber}</p> : null}
          <TextField name="phone" label={l.phone} type="tel" inputmode="tel" value={v.phone} error={e.phone} />
          <SelectField name="labourAbility" label={l.labourAbility} value={v.labourAbility} error={e.labourAbility} options={options(LABOUR_ABILITIES, m.choose)} />
        </fieldset>
        <fieldset>
          <legend>{m.work}</legend>
          <SelectField name="willingToWork" label={l.willingToWork} value={v.willingToWork || "是"} error={e.willingToWork} options={yesNo} />
          <TextField name="skills" label={l.skills} value={v.skills} error={e.skills} placeholder={m.skillsHint} />
          <SelectField name="preferredArea" label={l.preferredArea} value={v.preferredArea} error={e.preferredArea} options={options(PREFERRED_AREAS, m.none)} />
          <SelectField name="availableTime" label={l.availableTime} value={v.availableTime} error={e.availableTime} options={options(AVAILABLE_TIMES, m.none)} />
        </fieldset>
        <button type="submit">{m.save}</button>
      </form>
    </BureauPage>
  );
}
