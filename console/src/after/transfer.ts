import type { Outcome, Schemas } from '../api/client';
import { problemOfStorage } from './storageProblem';

// Files go straight between the browser and storage through the presigned requests the API answers (ADR 33,
// ADR 43): never through the API. The PUT is an XMLHttpRequest, since fetch reports no upload progress.

/**
 * Sends `file` as the presigned request says: its method, URL and headers exactly (the browser sets the
 * content length itself, which the signature binds too). `onProgress` gets the share sent, 0 to 1.
 */
export function upload(request: Schemas['PresignedRequest'], file: Blob, onProgress: (share: number) => void): Promise<Outcome<true>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      // The browser refuses to set these itself and sends the body's own length, the one that was signed.
      if (name.toLowerCase() !== 'content-length' && name.toLowerCase() !== 'host') {
        xhr.setRequestHeader(name, value);
      }
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve({ ok: true, data: true });
      } else {
        resolve({ ok: false, problem: problemOfStorage(xhr.status, xhr.responseText) });
      }
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        problem: { title: 'The file could not be sent to storage', detail: 'The connection failed or storage refused this site (CORS).', errors: [] },
      });
    xhr.send(file);
  });
}

/**
 * Opens a presigned download: storage answers it as an attachment, so the browser saves the file and the page
 * stays where it is.
 */
export function startDownload(request: Schemas['PresignedRequest']): void {
  const link = document.createElement('a');
  link.href = request.url;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
