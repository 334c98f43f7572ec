import { createContext, useLayoutEffect, useState, type RefObject } from 'react';

type VisibilityEvent = Event & { skipped?: boolean };

/**
 * Is an element with `content-visibility: auto` on screen? The browser already decides which of
 * them to skip rendering, and says so with `contentvisibilityautostatechange`; listening costs
 * nothing per frame, unlike observing hundreds of cards. Browsers without the event keep every
 * element "on screen", which is correct, only busier.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(true);
  // A layout effect: the browser decides (and announces) the first state in the rendering step
  // right after the card is inserted, before a passive effect would be listening.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onChange = (event: VisibilityEvent) => setVisible(event.skipped !== true);
    element.addEventListener('contentvisibilityautostatechange', onChange);
    return () => element.removeEventListener('contentvisibilityautostatechange', onChange);
  }, [ref]);
  return visible;
}

/** Whether running times inside may tick: a card off screen says no. Outside any card, yes. */
export const TickContext = createContext(true);
