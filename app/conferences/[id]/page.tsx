import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { findConference } from '../../_server/find-conference';
import { ConferenceDetailClient } from './conference-detail-client';

/**
 * `/conferences/:id`: one conference, live while it lasts, then from history; a 404 for an id the
 * sidecar does not know (when it cannot be asked, the page renders and keeps asking by itself).
 */
export default async function ConferencePage({ params }: { params: Promise<{ id: string }> }) {
  const id = decodeURIComponent((await params).id);
  const request = await headers();
  const caller = { cookie: request.get('cookie'), authorization: request.get('authorization') };
  if ((await findConference(id, caller)) === 'missing') notFound();
  return <ConferenceDetailClient id={id} />;
}
