import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { findConference } from '../../../_server/find-conference';
import { ReplayClient } from './replay-client';

/**
 * `/conferences/:id/replay[?t=<seconds>]`: an ended call redrawn at any moment of it; a 404 for an
 * id the sidecar does not know (when it cannot be asked, the page renders and asks by itself).
 */
export default async function ReplayPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ t?: string | string[] }>;
}) {
  const id = decodeURIComponent((await params).id);
  const request = await headers();
  const caller = { cookie: request.get('cookie'), authorization: request.get('authorization') };
  if ((await findConference(id, caller)) === 'missing') notFound();
  const t = Number((await searchParams).t);
  return <ReplayClient id={id} startSeconds={Number.isFinite(t) && t >= 0 ? t : null} />;
}
