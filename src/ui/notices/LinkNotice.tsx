import { useExplorer } from '../../store';

/** Why a link was not opened (damaged, from a newer app, an unknown version), or what of it was left out. */
export function LinkNotice() {
  const notice = useExplorer((s) => s.linkNotice);
  const dismiss = useExplorer((s) => s.setLinkNotice);
  if (!notice) return null;
  return (
    <div className="notice notice-error" role="alert" aria-label="Link">
      <span>{notice}</span>
      <span className="notice-push" />
      <button type="button" className="btn btn-small" onClick={() => dismiss(undefined)}>
        Dismiss
      </button>
    </div>
  );
}
