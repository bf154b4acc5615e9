import { useEffect, useState } from 'react';

/**
 * Below this width the editor, with both side panes docked, would be narrower than a column of the paper; so the
 * inspector starts closed and, when opened, floats over the page instead of squeezing it (a 1024×640 laptop).
 */
const narrowQuery = '(max-width: 1199px)';

export interface PaneLayout {
  narrow: boolean;
  libraryOpen: boolean;
  inspectorOpen: boolean;
  toggleLibrary: () => void;
  toggleInspector: () => void;
}

/** Which side panes are shown: the inspector follows the window's width when it crosses the line, else the reporter's choice. */
export function usePaneLayout(): PaneLayout {
  const [narrow, setNarrow] = useState(() => window.matchMedia(narrowQuery).matches);
  const [libraryOpen, setLibraryOpen] = useState(true);
  const [inspectorOpen, setInspectorOpen] = useState(() => !window.matchMedia(narrowQuery).matches);
  useEffect(() => {
    const media = window.matchMedia(narrowQuery);
    const onChange = () => {
      setNarrow(media.matches);
      // A window made narrow folds the inspector away, unless the reporter is working in it (a date picker open).
      const inUse = document.querySelector('.inspector-pane')?.contains(document.activeElement) ?? false;
      if (!media.matches || !inUse) setInspectorOpen(!media.matches);
    };
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return {
    narrow,
    libraryOpen,
    inspectorOpen,
    toggleLibrary: () => setLibraryOpen((open) => !open),
    toggleInspector: () => setInspectorOpen((open) => !open),
  };
}
