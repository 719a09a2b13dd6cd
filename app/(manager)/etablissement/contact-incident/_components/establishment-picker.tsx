import type { ManagedEstablishment } from "@/lib/access/managed-establishments";

type Props = { establishments: ManagedEstablishment[]; selectedId: string; label: string; show: string };

/** A plain GET form, so that choosing another establishment works with the keyboard and without JavaScript. */
export function EstablishmentPicker({ establishments, selectedId, label, show }: Props) {
  return (
    <form method="get" className="form establishment-picker">
      <div className="field">
        <label htmlFor="etablissement">{label}</label>
        <select id="etablissement" name="etablissement" defaultValue={selectedId}>
          {establishments.map((establishment) => (
            <option key={establishment.id} value={establishment.id}>
              {establishment.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {show}
      </button>
    </form>
  );
}
