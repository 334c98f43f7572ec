import type { ConferenceView, ContactTreeView } from '@/lib/conference';

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g;

function contactIds(node: ContactTreeView, into: Set<string>): Set<string> {
  into.add(node.contactId);
  for (const child of node.children) contactIds(child, into);
  return into;
}

/**
 * A copy of an ended call moved in time by `shiftMs` and given new contact ids (`newId` for each
 * of its legs): every time the record holds is a millisecond ISO string and every id that names a
 * leg or a party contains its contact id, so both are rewritten in the record's JSON text.
 */
export function relocateView(view: ConferenceView, shiftMs: number, newId: () => string): ConferenceView {
  let text = JSON.stringify(view);
  if (shiftMs !== 0) text = text.replace(ISO, (iso) => new Date(Date.parse(iso) + shiftMs).toISOString());
  const ids = contactIds(view.contactTree, new Set([view.id]));
  for (const p of view.participants) ids.add(p.contactId);
  for (const id of ids) text = text.split(id).join(newId());
  return JSON.parse(text) as ConferenceView;
}
