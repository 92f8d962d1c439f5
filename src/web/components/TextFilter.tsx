import { Field } from './Field.tsx';

/** A text filter's label, value and how it reads and limits what is typed. */
export interface TextFilterProps {
  label: string;
  /** Empty or absent: any. */
  value: string | undefined;
  onChange: (value: string) => void;
  type?: 'text' | 'search' | 'date';
  placeholder?: string;
  maxLength?: number;
  hint?: string;
}

/** A free-text, search or date field of a filter form. */
export function TextFilter({
  label,
  value,
  onChange,
  type,
  placeholder,
  maxLength,
  hint,
}: TextFilterProps) {
  return (
    <Field label={label} hint={hint}>
      <input
        type={type}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        maxLength={maxLength}
      />
    </Field>
  );
}
