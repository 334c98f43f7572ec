import { ConferenceDetailClient } from './conference-detail-client';

/** `/conferences/:id`: one conference, live while it lasts, then from history. */
export default async function ConferencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ConferenceDetailClient id={decodeURIComponent(id)} />;
}
