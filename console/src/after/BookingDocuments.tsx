import { useEffect, useState } from 'preact/hooks';
import { api, call, newIdempotencyKey, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatInstant } from '../deals/dealText';
import { SelectField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { CONTENT_TYPE_NAMES, DOCUMENT_KIND_NAMES, fileRefusal, formatBytes } from './afterText';
import { FileField, UploadProgress } from './FileField';
import { startDownload, upload } from './transfer';

type Kind = Schemas['DocumentUploadRequest']['kind'];

/**
 * A booking's documents (ADR 33, ADR 38): both parties list and download them; the carrier uploads them straight
 * to storage, then has the exchange check the upload, which makes a proof of delivery a tracking event.
 */
export function BookingDocuments({ bookingId, carrier, status, onProofOfDelivery }: {
  bookingId: string;
  carrier: boolean;
  status: Schemas['BookingStatus'];
  onProofOfDelivery: () => void;
}) {
  const [documents, setDocuments] = useState<Schemas['BookingDocument'][] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const path = { params: { path: { bookingId } } };

  async function load() {
    const outcome = await call(api.GET('/bookings/{bookingId}/documents', path));
    if (outcome.ok) {
      setDocuments(outcome.data.items);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, [bookingId]);

  async function download(documentId: string) {
    setProblem(null);
    const outcome = await call(api.GET('/bookings/{bookingId}/documents/{documentId}', { params: { path: { bookingId, documentId } } }));
    if (outcome.ok && outcome.data.download) {
      startDownload(outcome.data.download);
    } else if (!outcome.ok) {
      setProblem(outcome.problem);
    }
  }

  async function confirm(document: Schemas['BookingDocument']) {
    setProblem(null);
    const outcome = await call(
      api.POST('/bookings/{bookingId}/documents/{documentId}/confirmation', { params: { path: { bookingId, documentId: document.documentId } } }),
    );
    if (outcome.ok) {
      setNotice(`${DOCUMENT_KIND_NAMES[document.kind]} confirmed: both parties are told.`);
      onProofOfDelivery();
    } else {
      setProblem(outcome.problem);
    }
  }

  return (
    <section aria-labelledby="documents-heading" class="no-print">
      <h2 id="documents-heading">Documents</h2>
      <ProblemAlert problem={problem} />
      <p role="status">{notice}</p>
      {documents === null ? (
        !problem && <p>Loading the documents…</p>
      ) : documents.length === 0 ? (
        <p>No documents yet.{carrier ? '' : ' The carrier uploads the bill of lading and the proof of delivery.'}</p>
      ) : (
        <table class="lanes documents">
          <caption class="visually-hidden">The booking's documents</caption>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">File</th>
              <th scope="col">Received</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr key={document.documentId} data-document-id={document.documentId}>
                <td>{DOCUMENT_KIND_NAMES[document.kind]}</td>
                <td>
                  {CONTENT_TYPE_NAMES[document.contentType]}, {formatBytes(document.sizeBytes)}
                </td>
                <td>{document.status === 'UPLOADED' ? (document.uploadedAt ? formatInstant(document.uploadedAt) : 'yes') : 'awaiting the upload'}</td>
                <td class="actions">
                  {document.status === 'UPLOADED' && (
                    <button type="button" class="secondary" onClick={() => download(document.documentId)}>
                      Download <span class="visually-hidden">the {DOCUMENT_KIND_NAMES[document.kind].toLowerCase()}</span>
                    </button>
                  )}
                  {carrier && document.kind === 'PROOF_OF_DELIVERY' && document.status === 'UPLOADED' && (
                    <button type="button" class="secondary" onClick={() => confirm(document)}>
                      Confirm the proof of delivery
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {carrier && status !== 'CANCELLED' && (
        <UploadForm
          bookingId={bookingId}
          pickedUp={status !== 'BOOKED'}
          onUploaded={(document) => {
            setNotice(
              document.kind === 'PROOF_OF_DELIVERY'
                ? 'Proof of delivery uploaded and confirmed: the shipper is told.'
                : `${DOCUMENT_KIND_NAMES[document.kind]} uploaded.`,
            );
            void load();
            if (document.kind === 'PROOF_OF_DELIVERY') {
              onProofOfDelivery();
            }
          }}
        />
      )}
    </section>
  );
}

function UploadForm({ bookingId, pickedUp, onUploaded }: {
  bookingId: string;
  pickedUp: boolean;
  onUploaded: (document: Schemas['BookingDocument']) => void;
}) {
  const form = useApiForm({ '/kind': pickedUp ? 'PROOF_OF_DELIVERY' : 'BILL_OF_LADING' }, ['/kind', '/file']);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const kinds = (Object.keys(DOCUMENT_KIND_NAMES) as Kind[]).map((value) => ({ value, label: DOCUMENT_KIND_NAMES[value] }));

  async function submit(event: Event) {
    event.preventDefault();
    setProgress(null);
    const refusal = fileRefusal(file);
    if (refusal || !file) {
      await form.submit(async () => ({ ok: false as const, problem: { title: 'The file cannot be uploaded', errors: [{ pointer: '/file', detail: refusal ?? '' }] } }));
      return;
    }
    const kind = (form.values['/kind'] ?? 'BILL_OF_LADING') as Kind;
    const path = { bookingId };
    const done = await form.submit(async () => {
      const granted = await call(
        api.POST('/bookings/{bookingId}/documents', {
          params: { path, header: { 'Idempotency-Key': newIdempotencyKey() } },
          body: { kind, contentType: file.type, sizeBytes: file.size },
        }),
      );
      if (!granted.ok || !granted.data.upload) {
        return granted;
      }
      setProgress(0);
      const sent = await upload(granted.data.upload, file, setProgress);
      if (!sent.ok) {
        return { ok: false as const, problem: sent.problem };
      }
      // The exchange checks that storage holds what it granted; a proof of delivery becomes a tracking event.
      return call(
        api.POST('/bookings/{bookingId}/documents/{documentId}/confirmation', { params: { path: { bookingId, documentId: granted.data.documentId } } }),
      );
    });
    if (done) {
      onUploaded(done);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate class="card narrow" aria-label="Upload a document">
      <h3>Upload a document</h3>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <SelectField pointer="/kind" label="Document" options={kinds} values={form.values} onInput={form.onInput} errors={form.fieldErrors}
        hint={pickedUp ? undefined : 'A proof of delivery once the freight is picked up.'} />
      <FileField pointer="/file" label="File" errors={form.fieldErrors} onFile={setFile} />
      <UploadProgress share={progress} label="Uploading:" />
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Uploading…' : 'Upload'}
      </button>
    </form>
  );
}
