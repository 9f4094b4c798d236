import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads the first time it renders, so the popup's first paint carries only what it shows.
 * Renders nothing until loaded (a few ms from the extension's own files); later renders are immediate.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return (props: P) => {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (Component) return;
      void load().then((c) => {
        loaded = c;
        setComponent(() => c);
      });
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  };
}
