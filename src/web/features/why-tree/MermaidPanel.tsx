import { useCallback, useState } from 'react';
import { whyTreeApi } from '../../api/why-tree-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { StatusNote } from '../../components/StatusNote.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { MermaidDiagram } from './MermaidDiagram.tsx';

interface MermaidPanelProps {
  postmortemId: string;
  /** Changes whenever the tree does, so the source is fetched again. */
  treeKey: string;
}

/** The why-tree's Mermaid source, as the API exports it, with a copy button. */
export function MermaidPanel({ postmortemId, treeKey }: MermaidPanelProps) {
  // treeKey is a dependency on purpose: a changed tree means a changed diagram.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const load = useCallback(() => whyTreeApi.mermaid(postmortemId), [postmortemId, treeKey]);
  const source = useResource(load);
  const [status, setStatus] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(source.data ?? '');
      setStatus('Mermaid source copied.');
    } catch {
      setStatus('Copying is not allowed here; select the text and copy it by hand.');
    }
  };

  return (
    <section className="card" aria-labelledby="why-mermaid-heading">
      <h3 id="why-mermaid-heading">Diagram</h3>
      <p className="hint">
        Paste it into any Mermaid renderer (GitHub and GitLab Markdown render it in a
        <code> ```mermaid </code> block).
      </p>
      {source.data === undefined ? (
        <LoadState problem={source.problem} onRetry={source.reload} />
      ) : (
        <>
          <MermaidDiagram source={source.data} />
          <h4>Mermaid source</h4>
          <pre className="why-mermaid">{source.data}</pre>
          <div className="actions">
            <button type="button" className="secondary" onClick={copy}>
              Copy Mermaid source
            </button>
          </div>
          <StatusNote message={status} />
        </>
      )}
    </section>
  );
}
