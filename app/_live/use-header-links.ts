import { usePathname } from 'next/navigation';
import { headerLinks, type HeaderLink } from '@/lib/board/header-links';
import { useSession } from './use-session';

/** The header's page links for whoever is signed in (Reports for a role with `reports:read`). */
export function useHeaderLinks(): HeaderLink[] {
  const { session } = useSession();
  return headerLinks(session?.capabilities, usePathname());
}
