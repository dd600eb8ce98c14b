import { LastAttemptBanner } from './LastAttemptBanner';
import { LinkNotice } from './LinkNotice';
import { RuntimeFactsNotice } from './RuntimeFactsNotice';
import './notices.css';

export function Notices() {
  return (
    <div className="notices">
      <LinkNotice />
      <LastAttemptBanner />
      <RuntimeFactsNotice />
    </div>
  );
}
