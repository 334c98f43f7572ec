import { UnknownConference } from './unknown-conference';

/** What `notFound()` in the conference page renders. */
export default function ConferenceNotFound() {
  return <UnknownConference />;
}
