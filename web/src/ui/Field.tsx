import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

interface FieldProps {
  label: string;
  hint?: string;
  errors?: string[];
  /** Renders the control, given the id, aria-describedby and aria-invalid it must carry. */
  children: (control: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: true;
  }) => ReactNode;
}

/** A labelled form control with its hint and the API's messages about it right below. */
export function Field({ label, hint, errors = [], children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-describedby': describedBy,
        ...(errors.length ? { 'aria-invalid': true as const } : {}),
      })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

/** The API's messages about one control, referenced by its aria-describedby. */
export function FieldErrors({ id, errors }: { id?: string; errors: string[] }) {
  if (!errors.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.join(' ')}
    </p>
  );
}

interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V;
  options: readonly { value: NoInfer<V>; label: ReactNode }[];
  onChange(value: NoInfer<V>): void;
  errors?: string[];
  inline?: boolean;
}

/** A fieldset of radio buttons with its legend and errors. */
export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  errors = [],
  inline,
}: RadioGroupProps<V>) {
  const choices = options.map((o) => (
    <label key={o.value} className="choice">
      <input
        type="radio"
        name={name}
        value={o.value}
        checked={value === o.value}
        onChange={() => onChange(o.value)}
      />
      <span>{o.label}</span>
    </label>
  ));
  return (
    <fieldset className={`field${errors.length ? ' field-invalid' : ''}`}>
      <legend>{legend}</legend>
      {inline ? <div className="segmented">{choices}</div> : choices}
      <FieldErrors errors={errors} />
    </fieldset>
  );
}

interface ReasonFormProps {
  label: string;
  submitLabel: string;
  pending: boolean;
  onSubmit(reason: string): void;
  onCancel(): void;
  errors?: string[];
  required?: boolean;
  danger?: boolean;
  children?: ReactNode;
}

/** A one-line form asking why (remove, report, ban), with confirm and cancel. */
export function ReasonForm({
  label,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  errors,
  required,
  danger,
  children,
}: ReasonFormProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(reason.trim());
      }}
    >
      <Field label={label} errors={errors}>
        {(p) => (
          <input
            {...p}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required={required}
            autoFocus
          />
        )}
      </Field>
      <button
        type="submit"
        className={`button small ${danger ? 'danger' : 'secondary'}`}
        disabled={pending}
      >
        {submitLabel}
      </button>
      <button type="button" className="button ghost small" onClick={onCancel}>
        {t('action.cancel')}
      </button>
      {children}
    </form>
  );
}

/** A form's main button; says it is working while the request runs. */
export function SubmitButton({
  pending,
  children,
  small,
}: {
  pending: boolean;
  children: ReactNode;
  small?: boolean;
}) {
  const { t } = useI18n();
  return (
    <button className={`button primary${small ? ' small' : ''}`} type="submit" disabled={pending}>
      {pending ? t('state.working') : children}
    </button>
  );
}
