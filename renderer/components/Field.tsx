/**
 * Inputs that validate in place: the text is kept while the user types, parsed on Enter or blur, and a
 * readable message appears under the field instead of a silent reset.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { integer, moneyExact, parseAmount, parsePercent, pct } from '../format';
import { pendingEdits } from '../project/pendingEdits';

export type NumberKind = 'money' | 'percent' | 'int' | 'number';

function show(kind: NumberKind, v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  switch (kind) {
    case 'money':
      // What the user edits is the amount itself, to the cent, whatever scale the screens show.
      return moneyExact(v);
    case 'percent':
      return pct(v, 3)
        .replace(/\.?0+%$/, '%')
        .replace(/%$/, '');
    case 'int':
      return integer(v);
    case 'number':
      return String(v);
  }
}

function parse(kind: NumberKind, text: string): number | null {
  switch (kind) {
    case 'money':
      return parseAmount(text);
    case 'percent':
      return parsePercent(text);
    case 'int': {
      const v = parseAmount(text);
      return v !== null && Number.isInteger(v) ? v : null;
    }
    case 'number': {
      const v = Number(text.replace(/,/g, '').trim());
      return text.trim() !== '' && Number.isFinite(v) ? v : null;
    }
  }
}

/**
 * Keeps the app's list of refused edits in step with this field's message: Run reads it, so a refused value is
 * named instead of silently replaced by the deal's last valid one. The entry goes when the field does.
 */
function usePendingEdit(message: string | null, field: string | undefined): void {
  const { t } = useTranslation('app');
  const key = useRef(Symbol('field')).current;
  const named = field ?? t('run.aField');
  useEffect(() => {
    pendingEdits.set(key, message ? { field: named, message } : null);
  }, [key, message, named]);
  useEffect(() => () => pendingEdits.set(key, null), [key]);
}

export interface NumberFieldProps {
  value: number | null | undefined;
  kind: NumberKind;
  onCommit: (v: number) => string | null | void;
  /** Checks a parsed value before commit; returns a message when it is not acceptable. */
  validate?: (v: number) => string | null;
  /** An error from the deal schema for this field, shown until the value changes. */
  error?: string | null;
  testId?: string;
  label?: string;
  suffix?: ReactNode;
  width?: number;
  /** Makes the field optional: an emptied field calls this instead of asking for a number. */
  onClear?: () => string | null | void;
}

export function NumberField({
  value,
  kind,
  onCommit,
  validate,
  error,
  testId,
  label,
  suffix,
  width,
  onClear,
}: NumberFieldProps) {
  const { t } = useTranslation('components');
  const [text, setText] = useState(show(kind, value));
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Escape blurs the field; the blur runs before the reset renders and must not commit the abandoned text.
  const escaped = useRef(false);

  useEffect(() => {
    if (!editing) setText(show(kind, value));
  }, [value, kind, editing]);

  function commit(): void {
    if (escaped.current) {
      escaped.current = false;
      return;
    }
    // Blur after Enter, or a field tabbed through without typing: nothing to commit.
    if (!editing) return;
    if (onClear && text.trim() === '') {
      const cleared = value === null || value === undefined ? null : onClear() || null;
      setMessage(cleared);
      if (!cleared) setEditing(false);
      return;
    }
    const v = parse(kind, text);
    if (v === null) {
      setMessage(t(`field.${kind}`));
      return;
    }
    const problem = validate?.(v) ?? null;
    if (problem) {
      setMessage(problem);
      return;
    }
    const error = v === value ? null : onCommit(v) || null;
    setMessage(error);
    if (!error) setEditing(false);
  }

  const shown = message ?? error ?? null;
  usePendingEdit(message, label ?? testId);
  return (
    <span className={`field ${shown ? 'field-invalid' : ''}`} style={width ? { width } : undefined}>
      <span className="field-input">
        <input
          aria-label={label}
          aria-invalid={shown ? true : undefined}
          data-testid={testId}
          className={
            kind === 'number' || kind === 'int' || kind === 'money' || kind === 'percent' ? 'num' : ''
          }
          value={text}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setEditing(true);
            setText(e.target.value);
            setMessage(null);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') {
              setText(show(kind, value));
              setMessage(null);
              setEditing(false);
              escaped.current = true;
              e.currentTarget.blur();
              escaped.current = false;
            }
          }}
        />
        {suffix ? <span className="field-suffix">{suffix}</span> : null}
      </span>
      {shown ? (
        <span className="field-message" role="alert">
          {shown}
        </span>
      ) : null}
    </span>
  );
}

export function TextField({
  value,
  onCommit,
  validate,
  testId,
  label,
  width,
}: {
  value: string;
  onCommit: (v: string) => void;
  validate?: (v: string) => string | null;
  testId?: string;
  label?: string;
  width?: number;
}) {
  const [text, setText] = useState(value);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  usePendingEdit(message, label ?? testId);
  function commit(): void {
    if (text === value) return;
    const problem = validate?.(text) ?? null;
    if (problem) return setMessage(problem);
    setMessage(null);
    onCommit(text);
  }
  return (
    <span className={`field ${message ? 'field-invalid' : ''}`} style={width ? { width } : undefined}>
      <span className="field-input">
        <input
          aria-label={label}
          data-testid={testId}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setMessage(null);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(value);
              setMessage(null);
            }
          }}
        />
      </span>
      {message ? (
        <span className="field-message" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}

/** A select whose refused change (onChange returns the reason) is explained beside it, as the other fields' are. */
export function ChoiceField({
  value,
  label,
  testId,
  options,
  onChange,
  disabled,
  title,
}: {
  value: string;
  label: string;
  testId?: string;
  options: readonly { value: string; label: string }[];
  onChange: (v: string) => string | null;
  disabled?: boolean;
  title?: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const known = options.some((o) => o.value === value);
  return (
    <span className={`field ${message ? 'field-invalid' : ''}`}>
      <select
        value={value}
        aria-label={label}
        data-testid={testId}
        disabled={disabled}
        title={title}
        onChange={(e) => setMessage(onChange(e.target.value))}
      >
        {known ? null : <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {message ? (
        <span className="field-message" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}
