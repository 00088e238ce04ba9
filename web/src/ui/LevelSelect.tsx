import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from './errors';

interface Props<L extends string> {
  label: string;
  levels: readonly L[];
  optionLabel(level: L): string;
  queryKey: readonly unknown[];
  load(signal: AbortSignal): Promise<{ level: L }>;
  save(level: L): Promise<{ level: L }>;
}

/** A subscription level (of a group or a thread): read, shown as a select, saved on change. */
export function LevelSelect<L extends string>({
  label,
  levels,
  optionLabel,
  queryKey,
  load,
  save,
}: Props<L>) {
  const text = useErrorText();
  const qc = useQueryClient();
  const current = useQuery({ queryKey, retry: false, queryFn: ({ signal }) => load(signal) });
  const set = useMutation({ mutationFn: save, onSuccess: (res) => qc.setQueryData(queryKey, res) });
  if (!current.isSuccess) return null;
  return (
    <label className="inline-label">
      {label}
      <select
        value={current.data.level}
        disabled={set.isPending}
        onChange={(e) => set.mutate(e.target.value as L)}
      >
        {levels.map((l) => (
          <option key={l} value={l}>
            {optionLabel(l)}
          </option>
        ))}
      </select>
      {set.isError && <span className="field-error">{text(set.error)}</span>}
    </label>
  );
}
