interface SelectFilterProps {
  label: string;
  /** Empty or absent: any. */
  value: string | undefined;
  /** Value and label pairs, or a labels map (value → label). */
  options: ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string>>;
  onChange: (value: string) => void;
}

/** A select with an "Any" choice; keeps an unknown current value (e.g. a list from the URL). */
export function SelectFilter({ label, value = '', options: given, onChange }: SelectFilterProps) {
  const options = Array.isArray(given) ? given : Object.entries(given);
  const known = value === '' || options.some(([optionValue]) => optionValue === value);
  return (
    <div className="field">
      <label>
        <span className="field-label">{label}</span>
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">Any</option>
          {!known && <option value={value}>{value.split(',').join(', ')}</option>}
          {options.map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
