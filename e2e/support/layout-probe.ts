import type { Locator, Page } from '@playwright/test';

/**
 * What reads badly in a card, measured in the page: text that runs into other text, text that
 * spills out of its node (or the card), and words cut without an ellipsis. Each finding names the
 * text, so a failure says what to look at.
 *
 * The text boxes are the rectangles the glyphs occupy (one per line, from a Range), except for an
 * element that clips its text with an ellipsis, whose box is its own. Two text boxes may only
 * meet when one's element contains the other's (a word and the time inside it). A clipped text
 * must end in an ellipsis and its full text must be in the node's title (what hover shows) and
 * accessible name. Cards must be rendered to be measured: `content-visibility: auto` skips the
 * ones off screen (see `renderEveryCard`).
 */
export function findLayoutProblems(cards: Locator): Promise<string[]> {
  return cards.evaluateAll((all) =>
    all.flatMap((root) => {
      const TOLERANCE = 1.5;
      const problems: string[] = [];
      type Box = { el: Element; text: string; rect: DOMRect };
      const boxes: Box[] = [];
      const inside = (inner: DOMRect, outer: DOMRect) =>
        inner.left >= outer.left - TOLERANCE &&
        inner.right <= outer.right + TOLERANCE &&
        inner.top >= outer.top - TOLERANCE &&
        inner.bottom <= outer.bottom + TOLERANCE;
      const label = (el: Element) => {
        const node = el.closest('[data-participant-id]');
        return node ? `node ${node.getAttribute('data-participant-id')}` : 'card';
      };

      const rootRect = root.getBoundingClientRect();
      if (root.scrollWidth > root.clientWidth + 1)
        problems.push(`the card is wider inside (${root.scrollWidth}px) than it is (${root.clientWidth}px)`);

      const squash = (s: string) => s.replace(/\s+/g, '');
      /** The element that clips `el`'s text, if any: itself or an ancestor inside the card. */
      const clipperOf = (el: Element): Element | null => {
        for (let e: Element | null = el; e && e !== root; e = e.parentElement)
          if (getComputedStyle(e).overflowX !== 'visible') return e;
        return null;
      };
      const hiddenText = '.visually-hidden, [aria-hidden="true"]';
      /** The text an element shows: its text without what only screen readers get. */
      const visibleText = (el: Element) => {
        let out = '';
        const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = w.nextNode(); n; n = w.nextNode())
          if (!n.parentElement?.closest(hiddenText)) out += n.textContent ?? '';
        return out.replace(/\s+/g, ' ').trim();
      };
      const clipped = new Set<Element>();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const text = t.textContent?.trim() ?? '';
        const el = t.parentElement;
        if (!text || !el || el.closest(hiddenText)) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const node = el.closest('[data-participant-id]');
        const frame = (node ?? root).getBoundingClientRect();
        const clipper = clipperOf(el);
        if (clipper && clipper.scrollWidth > clipper.clientWidth + 1) {
          if (clipped.has(clipper)) continue;
          clipped.add(clipper);
          const full = visibleText(clipper);
          if (getComputedStyle(clipper).textOverflow !== 'ellipsis')
            problems.push(`${label(el)}: "${full}" is cut without an ellipsis`);
          const title = clipper.closest('[title]')?.getAttribute('title') ?? '';
          const name = node?.getAttribute('aria-label') ?? title;
          // A placeholder ("Unnamed agent") is no name: the accessible name says "name not yet known".
          const placeholder =
            title.includes(`${full} (name not yet known)`) && name.includes('name not yet known');
          if (!title.includes(full) || !(placeholder || squash(name).includes(squash(full))))
            problems.push(`${label(el)}: "${full}" is cut and not in full in the title and accessible name`);
          const rect = clipper.getBoundingClientRect();
          if (!inside(rect, frame)) problems.push(`${label(el)}: "${full}" sticks out of its box`);
          boxes.push({ el: clipper, text: full, rect });
          continue;
        }
        const range = document.createRange();
        range.selectNodeContents(t);
        for (const rect of range.getClientRects()) {
          if (rect.width < 0.5 || rect.height < 0.5) continue;
          if (!inside(rect, frame)) problems.push(`${label(el)}: "${text}" spills out of its box`);
          if (!inside(rect, rootRect)) problems.push(`${label(el)}: "${text}" spills out of the card`);
          boxes.push({ el, text, rect });
        }
      }

      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
          const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
          if (x > TOLERANCE && y > TOLERANCE)
            problems.push(`"${a.text}" (${label(a.el)}) runs into "${b.text}" (${label(b.el)})`);
        }
      }
      const name = `${root.getAttribute('data-size')}-party card ${root.getAttribute('data-conference-id')?.slice(0, 8)}`;
      return problems.map((p) => `${name}: ${p}`);
    }),
  );
}

/** Renders every card, on screen or not, so all of them can be measured at once. */
export async function renderEveryCard(page: Page): Promise<void> {
  await page.addStyleTag({
    content: 'article[data-conference-id] { content-visibility: visible !important; }',
  });
}
