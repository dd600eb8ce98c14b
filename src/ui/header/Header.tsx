import { ExportMenu } from '../export/ExportMenu';
import { OpenFilesButton } from '../files/OpenFilesButton';
import { ModuleSearch } from '../search/ModuleSearch';
import { CopyLinkButton } from '../share/CopyLinkButton';
import { SessionMenu } from '../share/SessionMenu';
import { ModuleCount } from './ModuleCount';
import { VersionPicker } from './VersionPicker';
import './header.css';

export function Header() {
  return (
    <header className="header">
      <div className="header-brand">
        <svg className="header-logo" viewBox="0 0 32 32" aria-hidden="true">
          <circle cx="16" cy="16" r="14" fill="#1c232d" />
          <path
            d="M16 6v20M7.3 11l17.4 10M7.3 21l17.4-10"
            stroke="#ffd84d"
            strokeWidth="3"
            strokeLinecap="round"
          />
        </svg>
        <h1>Asterisk Module Explorer</h1>
      </div>
      <VersionPicker />
      <ModuleCount />
      <ModuleSearch />
      <div className="header-actions">
        <OpenFilesButton />
        <CopyLinkButton />
        <SessionMenu />
        <ExportMenu />
      </div>
    </header>
  );
}
