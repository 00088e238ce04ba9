import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { en, type MessageKey } from './en';
import { nl } from './nl';

export type Lang = 'en' | 'nl';
export const LANGS: { code: Lang; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'nl', name: 'Nederlands' },
];
const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, nl };
const STORAGE_KEY = 'kring.lang';

export type Vars = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The message for `key` in the current language, with `{name}` placeholders filled in. */
  t(key: MessageKey, vars?: Vars): string;
  /** `key.one` when count is 1, else `key.other`, with `{count}` filled in. */
  tn(key: PluralBase, count: number, vars?: Vars): string;
  date(iso: string): string;
  relative(iso: string): string;
}

type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

function fill(text: string, vars?: Vars): string {
  return vars
    ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
    : text;
}

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'nl') return stored;
  return navigator.language?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
    const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const rel = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const t = (key: MessageKey, vars?: Vars) => fill(dict[key] ?? en[key] ?? key, vars);
    return {
      lang,
      setLang,
      t,
      tn: (key, count, vars) =>
        t(`${key}.${count === 1 ? 'one' : 'other'}` as MessageKey, { count, ...vars }),
      date: (iso) => dateFmt.format(new Date(iso)),
      relative: (iso) => {
        const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
        const abs = Math.abs(seconds);
        if (abs < 45) return rel.format(0, 'second');
        if (abs < 3600) return rel.format(Math.round(seconds / 60), 'minute');
        if (abs < 86400) return rel.format(Math.round(seconds / 3600), 'hour');
        if (abs < 86400 * 30) return rel.format(Math.round(seconds / 86400), 'day');
        return dateFmt.format(new Date(iso));
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
