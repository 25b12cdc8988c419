import { useState } from 'preact/hooks';

export interface FileChooserProps {
  onFile(file: File): void;
}

/** A file picker and a drop zone for a PDF on this computer. */
export function FileChooser({ onFile }: FileChooserProps) {
  const [dragging, setDragging] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  return (
    <div
      class={dragging ? 'file-chooser dragging' : 'file-chooser'}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        take(e.dataTransfer?.files);
      }}
    >
      <p>Open an inspection report (PDF) on this computer to read and annotate it.</p>
      <label class="choose">
        Choose a PDF…
        <input
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <p class="drop-hint">or drop it here</p>
    </div>
  );
}
