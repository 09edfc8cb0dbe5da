import { Field } from '../ui/fields';

/** A file input for a document or certificate: the types it takes, the errors of its pointer. */
export function FileField({ pointer, label, errors, onFile }: {
  pointer: string;
  label: string;
  errors: Map<string, string[]>;
  onFile: (file: File | null) => void;
}) {
  return (
    <Field pointer={pointer} label={label} errors={errors.get(pointer)} hint="A PDF, JPEG or PNG of at most 10 MB.">
      {(attributes) => (
        <input
          {...attributes}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(event) => onFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null)}
        />
      )}
    </Field>
  );
}

/** How much of an upload has gone, for sighted users as a bar and for screen readers as its value. */
export function UploadProgress({ share, label }: { share: number | null; label: string }) {
  if (share === null) {
    return null;
  }
  const percent = Math.round(share * 100);
  return (
    <p class="upload-progress">
      <label>
        {label}{' '}
        <progress max={100} value={percent}>
          {percent}%
        </progress>{' '}
        {percent}%
      </label>
    </p>
  );
}
