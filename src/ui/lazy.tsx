import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads the first time it renders, so the popup's first paint carries only what it shows.
 * Renders nothing until loaded (a few ms from the extension's own files); later renders are immediate. A load that
 * fails (a file missing after an update) is thrown during render, so the nearest ErrorBoundary says so rather than
 * showing nothing forever.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return (props: P) => {
    const [Component, setComponent] = useState(() => loaded);
    const [error, setError] = useState<unknown>(undefined);
    useEffect(() => {
      if (Component) return;
      load().then(
        (c) => {
          loaded = c;
          setComponent(() => c);
        },
        (e: unknown) => setError(e ?? new Error('The page part did not load.')),
      );
    }, [Component]);
    if (error !== undefined) throw error;
    return Component ? <Component {...props} /> : null;
  };
}
