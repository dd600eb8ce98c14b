import { LastAttemptBanner } from './LastAttemptBanner';
import { RuntimeFactsNotice } from './RuntimeFactsNotice';
import './notices.css';

export function Notices() {
  return (
    <div className="notices">
      <LastAttemptBanner />
      <RuntimeFactsNotice />
    </div>
  );
}
