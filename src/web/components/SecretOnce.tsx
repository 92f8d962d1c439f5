import { useState } from 'react';

interface SecretOnceProps {
  label: string;
  value: string;
  /** What to tell the reader about keeping it. */
  note?: string;
}

/** A secret (a token, a webhook URL) shown this once, with a copy button. */
export function SecretOnce({ label, value, note }: SecretOnceProps) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <section className="card" aria-label={label}>
      <p>
        <strong>{label}</strong>
        {note && <span className="muted"> — {note}</span>}
      </p>
      <div className="secret-once">
        <code data-testid="secret-value">{value}</code>
        <button type="button" className="secondary" onClick={copy}>
          Copy
        </button>
        <span role="status">
          {copied === 'yes' && 'Copied.'}
          {copied === 'no' && 'The browser refused; select the text and copy it.'}
        </span>
      </div>
    </section>
  );
}
