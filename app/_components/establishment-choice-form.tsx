import type { ReactNode } from "react";

type Choice = { id: string; label: ReactNode };

type Props = {
  action: (formData: FormData) => Promise<void>;
  returnTo: string;
  legend: string;
  submit: string;
  choices: Choice[];
  /** The establishment ticked at first, when there is one. */
  selectedId?: string;
};

/** One radio button per establishment, sent with the page to go back to once chosen. */
export function EstablishmentChoiceForm({ action, returnTo, legend, submit, choices, selectedId }: Props) {
  return (
    <form action={action} className="form">
      <input type="hidden" name="retour" value={returnTo} />
      <fieldset className="choice-list">
        <legend>{legend}</legend>
        {choices.map((choice) => (
          <label key={choice.id} className="choice">
            <input
              type="radio"
              name="organisationId"
              value={choice.id}
              defaultChecked={choice.id === selectedId}
              required
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </fieldset>
      <p>
        <button type="submit" className="button">
          {submit}
        </button>
      </p>
    </form>
  );
}
