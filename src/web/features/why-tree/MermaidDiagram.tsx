import { useEffect, useId, useRef, useState } from 'react';

interface MermaidDiagramProps {
  source: string;
}

/**
 * Draws Mermaid source as SVG. Mermaid is loaded only when a diagram is shown (it is large) and
 * runs with `securityLevel: 'strict'`: labels are sanitized, click handlers and scripts are off.
 * The outline stays the primary, accessible rendering; this picture is a convenience.
 */
export function MermaidDiagram({ source }: MermaidDiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const id = `why-diagram-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const draw = async () => {
      try {
        const { default: mermaid } = await import('mermaid');
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
        const { svg } = await mermaid.render(id, source);
        // Parsed as HTML: the labels are HTML inside <foreignObject>, not well-formed XML.
        const parsed = new DOMParser().parseFromString(svg, 'text/html').body.firstElementChild;
        if (!parsed) {
          throw new Error('Mermaid returned no SVG');
        }
        if (!cancelled && container.current) {
          container.current.replaceChildren(document.importNode(parsed, true));
          setFailed(false);
        }
      } catch {
        if (!cancelled) {
          setFailed(true);
        }
      }
    };
    void draw();
    return () => {
      cancelled = true;
    };
  }, [id, source]);

  return (
    <figure className="why-diagram">
      <div
        ref={container}
        role="img"
        aria-label="Why-tree diagram (the outline above has the same content)"
      />
      {failed && (
        <figcaption className="hint">
          The diagram could not be drawn; the source is below.
        </figcaption>
      )}
    </figure>
  );
}
