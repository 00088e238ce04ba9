import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { FieldErrors } from './Field';

const TAG = /^[a-z0-9-]{1,30}$/;

export function normalizeTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '-');
}

interface Props {
  label: string;
  tags: string[];
  onChange(tags: string[]): void;
  /** Offered as the user types (e.g. the group's existing tags). */
  suggestions?: string[];
  max?: number;
  errors?: string[];
}

/** Tags as removable chips; Enter or comma adds one; suggestions come from a datalist. */
export function TagInput({ label, tags, onChange, suggestions = [], max = 5, errors = [] }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = (raw: string) => {
    const tag = normalizeTag(raw);
    if (!tag) return;
    if (!TAG.test(tag)) return setProblem(t('tags.invalid'));
    if (tags.includes(tag)) return setDraft('');
    if (tags.length >= max) return setProblem(t('tags.tooMany', { max }));
    setProblem(null);
    onChange([...tags, tag]);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(draft);
    } else if (e.key === 'Backspace' && !draft && tags.length) {
      onChange(tags.slice(0, -1));
    }
  };
  const offered = suggestions.filter((s) => !tags.includes(s));
  const messages = [...(problem ? [problem] : []), ...errors];
  return (
    <div className={`field tag-input${messages.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <ul className="chips" aria-label={t('tags.chosen')}>
        {tags.map((tag) => (
          <li key={tag} className="chip">
            {tag}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('tags.remove', { tag })}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        list={`${id}-suggestions`}
        value={draft}
        onChange={(e) => {
          const v = e.target.value;
          // Picking a datalist option fills the whole value at once: take it as a tag.
          if (offered.includes(v)) add(v);
          else setDraft(v);
        }}
        onKeyDown={onKey}
        onBlur={() => draft && add(draft)}
        aria-describedby={`${id}-hint${messages.length ? ` ${id}-error` : ''}`}
        aria-invalid={messages.length ? true : undefined}
        disabled={tags.length >= max}
      />
      <datalist id={`${id}-suggestions`}>
        {offered.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <p className="hint" id={`${id}-hint`}>
        {t('tags.hint', { max })}
      </p>
      {offered.length > 0 && (
        <div className="suggestions">
          <span>{t('tags.suggested')}</span>
          {offered.slice(0, 8).map((s) => (
            <button
              key={s}
              type="button"
              className="chip chip-button"
              onClick={() => add(s)}
              disabled={tags.length >= max}
            >
              + {s}
            </button>
          ))}
        </div>
      )}
      <FieldErrors id={`${id}-error`} errors={messages} />
    </div>
  );
}
