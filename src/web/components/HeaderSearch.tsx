import { type FormEvent, useEffect, useRef, useState } from 'react';
import { searchLimits } from '../../contracts/search-limits.ts';
import { navigate } from '../routing/location-store.ts';
import { useLocation } from '../routing/use-location.ts';

/** The search box of the header: `/` focuses it, Enter opens the results page. */
export function HeaderSearch() {
  const { pathname, query } = useLocation();
  const current = pathname === '/search' ? (query.get('q') ?? '') : '';
  const [words, setWords] = useState(current);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setWords(current), [current]);
  useEffect(() => {
    const focusOnSlash = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target?.isContentEditable ||
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName ?? '');
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', focusOnSlash);
    return () => window.removeEventListener('keydown', focusOnSlash);
  }, []);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const q = words.trim();
    navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  };

  return (
    <search className="header-search">
      <form onSubmit={handleSubmit}>
        <input
          ref={input}
          type="search"
          aria-label="Search postmortems"
          placeholder="Search postmortems  /"
          maxLength={searchLimits.queryMax}
          value={words}
          onChange={(e) => setWords(e.target.value)}
        />
      </form>
    </search>
  );
}
