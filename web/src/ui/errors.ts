import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** Turns anything a request threw into words for the user (the API's own 4xx messages as they are). */
export function useErrorText(): (err: unknown) => string {
  const { t } = useI18n();
  return (err) => {
    if (err instanceof ApiError) {
      if (err.status === 0) return t('error.network');
      if (err.status === 429)
        return t('error.rateLimited', { seconds: err.retryAfterSeconds ?? 60 });
      if (err.status >= 500) return t('error.server');
      return err.messages.join(' ');
    }
    return t('error.unexpected');
  };
}

/** Answers about the submitted fields themselves (invalid, taken); other 4xx concern the whole action. */
const FIELD_STATUSES = new Set([400, 409, 422]);

/** The messages of a failed form submit, split by the field they name. */
export function fieldErrors(err: unknown, field: string): string[] {
  return err instanceof ApiError && FIELD_STATUSES.has(err.status) ? err.forField(field) : [];
}

/** What a failed submit says that no field of the form claims (shown above the button). */
export function formError(
  err: unknown,
  fields: readonly string[],
  text: (err: unknown) => string,
): string | null {
  if (!err) return null;
  if (err instanceof ApiError && FIELD_STATUSES.has(err.status)) {
    const rest = err.unclaimed(fields);
    return rest.length ? rest.join(' ') : null;
  }
  return text(err);
}
