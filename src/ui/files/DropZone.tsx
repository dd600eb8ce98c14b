import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useExplorer } from '../../store';
import './files.css';

function carriesFiles(e: DragEvent): boolean {
  return [...(e.dataTransfer?.types ?? [])].includes('Files');
}

/** The whole page accepts dropped files; all files of one drop are opened and merged together. */
export function DropZone({ children }: { children: ReactNode }) {
  const openFiles = useExplorer((s) => s.openFiles);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child element; counting keeps the overlay steady.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) void openFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [openFiles]);

  return (
    <>
      {children}
      {dragging && (
        <div className="drop-overlay" role="presentation">
          <div className="drop-card">
            <strong>Drop files to open them together</strong>
            <span className="dim">core-en_US.xml, menuselect-tree, runtime.json or Module Metadata XML</span>
          </div>
        </div>
      )}
    </>
  );
}
