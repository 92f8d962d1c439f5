import { Component, type ReactNode } from 'react';
import { ChunkLoadError } from '../routing/chunk-load-error.ts';

interface SceneErrorBoundaryProps {
  /** The address shown: moving to another one forgets the error and draws the scene again. */
  resetKey: string;
  children: ReactNode;
}

interface SceneErrorBoundaryState {
  error: unknown;
  resetKey: string;
}

/**
 * Catches what a scene throws while drawing, so that the header and its links stay usable.
 * Code that could not be downloaded (most often: the server was updated since the page was
 * opened) gets an offer to reload the page, which fetches the current code.
 */
export class SceneErrorBoundary extends Component<
  SceneErrorBoundaryProps,
  SceneErrorBoundaryState
> {
  override state: SceneErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<SceneErrorBoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(
    props: SceneErrorBoundaryProps,
    state: SceneErrorBoundaryState,
  ): Partial<SceneErrorBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render() {
    const { error } = this.state;
    if (error === null) {
      return this.props.children;
    }
    const isChunk = error instanceof ChunkLoadError;
    return (
      <section className="narrow" role="alert">
        <h1>{isChunk ? 'This page could not be loaded' : 'This page could not be shown'}</h1>
        <p>
          {isChunk
            ? 'Debrief may have been updated since this tab was opened, or the connection dropped. Reloading fetches the current version.'
            : 'Something went wrong while drawing it; reloading the page may help.'}
        </p>
        <p className="actions">
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </p>
      </section>
    );
  }
}
