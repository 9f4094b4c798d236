import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform';

export interface NavItem {
  id: string;
  label: string;
}

/**
 * The section list, beside the page: plain in-page links (they work with no script and keep every section in the
 * DOM, so search and tests find any field), the current one marked with aria-current as the page scrolls.
 */
export function Nav({ items }: { items: readonly NavItem[] }) {
  const [current, setCurrent] = useState(items[0]?.id);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      setCurrent(currentSection(items));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [items]);
  return (
    <nav class="side-nav" aria-label={t('navLabel')}>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              target="_self"
              aria-current={current === item.id ? 'location' : undefined}
              onClick={() => setCurrent(item.id)}
            >
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The last section whose top has reached the upper part of the window; the last one at the page's bottom. */
function currentSection(items: readonly NavItem[]): string | undefined {
  const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
  if (atBottom) return items[items.length - 1]?.id;
  let current = items[0]?.id;
  for (const item of items) {
    const top = document.getElementById(item.id)?.getBoundingClientRect().top;
    if (top !== undefined && top <= Math.min(120, window.innerHeight * 0.3)) current = item.id;
  }
  return current;
}
