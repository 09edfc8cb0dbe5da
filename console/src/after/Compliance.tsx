import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call, newIdempotencyKey, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatInstant } from '../deals/dealText';
import { money } from '../pages/laneText';
import { SettingsNav } from '../settings/SettingsNav';
import { Field, TextField, type Values } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { complianceStatus, CONTENT_TYPE_NAMES, coverageOrText, dollarsField, expiryWords, fileRefusal, formatBytes } from './afterText';
import { FileField, UploadProgress } from './FileField';
import { upload } from './transfer';

/**
 * Compliance (ADR 37): a carrier's operating authority and insurance certificate, whose file goes from the
 * browser straight to storage; a shipper's requirements of the carriers it books.
 */
export function Compliance({ partner }: { partner: Schemas['Partner'] }) {
  const carrier = partner.roles.includes('CARRIER');
  const shipper = partner.roles.includes('SHIPPER');
  return (
    <main id="main">
      <h1>Settings</h1>
      <SettingsNav current="compliance" />
      <h2>Compliance</h2>
      {carrier && <CarrierCompliance />}
      {shipper && <CarrierRequirementsForm />}
      {!carrier && !shipper && <p>Compliance is filed by carriers and required by shippers; a broker has nothing to file here.</p>}
    </main>
  );
}

function CarrierCompliance() {
  const [record, setRecord] = useState<Schemas['CarrierComplianceRecord'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);

  async function load() {
    const outcome = await call(api.GET('/partners/me/compliance'));
    if (outcome.ok) {
      setRecord(outcome.data);
      setProblem(null);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  useEffect(() => {
    if (notice) {
      noticeRef.current?.focus();
    }
  }, [notice]);

  function saved(message: string) {
    setNotice(message);
    void load();
  }

  return (
    <>
      <p>
        Nothing books you until your operating authority and a current certificate of insurance are on file: every accept asks the
        exchange's compliance gate first.
      </p>
      <ProblemAlert problem={problem} />
      <p role="status" tabIndex={-1} ref={noticeRef} class={notice ? 'notice' : undefined}>
        {notice}
      </p>
      {record ? <ComplianceRecord record={record} /> : !problem && <p>Loading your compliance record…</p>}
      <AuthorityForm authority={record?.operatingAuthority} onSaved={() => saved('Operating authority saved.')} />
      <CertificateForm onSaved={(message) => saved(message)} />
    </>
  );
}

function ComplianceRecord({ record }: { record: Schemas['CarrierComplianceRecord'] }) {
  const status = complianceStatus(record);
  const authority = record.operatingAuthority;
  const certificate = record.insuranceCertificate;
  return (
    <section class="card" aria-labelledby="compliance-record-heading">
      <h3 id="compliance-record-heading">Your record</h3>
      <p class={`compliance-${status.severity}`} data-testid="compliance-headline">
        <strong>{status.headline}</strong>
      </p>
      {status.items.length > 0 && (
        <ul class="compliance-items">
          {status.items.map((item) => (
            <li key={item.text} class={`compliance-${item.severity}`}>
              {item.text}
            </li>
          ))}
        </ul>
      )}
      <dl class="explanation">
        <dt>Operating authority</dt>
        <dd data-testid="authority">
          {authority
            ? `USDOT ${authority.usdotNumber}, MC ${authority.mcNumber}: ${authority.status === 'ACTIVE' ? 'active' : 'revoked'}`
            : 'not filed'}
        </dd>
        <dt>Insurance certificate</dt>
        <dd data-testid="certificate">
          {certificate ? (
            <>
              {certificate.insurer}, policy {certificate.policyNumber}: auto liability {money(certificate.autoLiabilityCoverage)}, cargo{' '}
              {money(certificate.cargoCoverage)}, {certificate.effectiveOn} to {certificate.expiresOn}. {expiryWords(certificate.daysToExpiry).text}
              <br />
              File: {CONTENT_TYPE_NAMES[certificate.file.contentType]}, {formatBytes(certificate.file.sizeBytes)},{' '}
              {certificate.file.status === 'UPLOADED'
                ? `received ${certificate.file.uploadedAt ? formatInstant(certificate.file.uploadedAt) : ''}`
                : 'not received yet'}
            </>
          ) : (
            'not filed'
          )}
        </dd>
      </dl>
    </section>
  );
}

function AuthorityForm({ authority, onSaved }: { authority?: Schemas['OperatingAuthority']; onSaved: () => void }) {
  const form = useApiForm({ '/usdotNumber': '', '/mcNumber': '' }, ['/usdotNumber', '/mcNumber']);
  const fieldProps = { values: form.values, onInput: form.onInput, errors: form.fieldErrors };

  useEffect(() => {
    if (authority) {
      form.setValues({ '/usdotNumber': authority.usdotNumber, '/mcNumber': authority.mcNumber });
    }
  }, [authority?.usdotNumber, authority?.mcNumber]);

  async function submit(event: Event) {
    event.preventDefault();
    const body = { usdotNumber: form.values['/usdotNumber']?.trim() ?? '', mcNumber: form.values['/mcNumber']?.trim() ?? '' };
    if (await form.submit(() => call(api.PUT('/partners/me/compliance/operating-authority', { body })))) {
      onSaved();
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate class="card narrow" aria-label="Operating authority">
      <h3>Operating authority</h3>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <TextField pointer="/usdotNumber" label="USDOT number" hint="Digits only." {...fieldProps} required />
      <TextField pointer="/mcNumber" label="MC number" hint="Digits only, without MC-." {...fieldProps} required />
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Saving…' : 'Save the authority'}
      </button>
    </form>
  );
}

const CERTIFICATE_FIELDS = ['/insurer', '/policyNumber', '/autoLiabilityCoverage', '/cargoCoverage', '/effectiveOn', '/expiresOn', '/file'];

function DateField({ pointer, label, values, onInput, errors }: {
  pointer: string;
  label: string;
  values: Values;
  onInput: (pointer: string, value: string) => void;
  errors: Map<string, string[]>;
}) {
  return (
    <Field pointer={pointer} label={label} errors={errors.get(pointer)}>
      {(attributes) => (
        <input {...attributes} type="date" value={values[pointer] ?? ''} aria-required
          onInput={(event) => onInput(pointer, (event.currentTarget as HTMLInputElement).value)} />
      )}
    </Field>
  );
}

function CertificateForm({ onSaved }: { onSaved: (message: string) => void }) {
  const form = useApiForm({}, CERTIFICATE_FIELDS);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const fieldProps = { values: form.values, onInput: form.onInput, errors: form.fieldErrors };

  async function submit(event: Event) {
    event.preventDefault();
    setProgress(null);
    const refusal = fileRefusal(file);
    if (refusal || !file) {
      // Checked before asking the API, with the limits it states; shown at the file field as its own errors are.
      await form.submit(async () => ({ ok: false as const, problem: { title: 'The file cannot be uploaded', errors: [{ pointer: '/file', detail: refusal ?? '' }] } }));
      return;
    }
    const values = form.values;
    const body = {
      insurer: values['/insurer']?.trim() ?? '',
      policyNumber: values['/policyNumber']?.trim() ?? '',
      autoLiabilityCoverage: coverageOrText(values['/autoLiabilityCoverage']),
      cargoCoverage: coverageOrText(values['/cargoCoverage']),
      effectiveOn: values['/effectiveOn'] ?? '',
      expiresOn: values['/expiresOn'] ?? '',
      file: { contentType: file.type, sizeBytes: file.size },
    };
    const sent = await form.submit(async () => {
      const declared = await call(
        api.POST('/partners/me/compliance/insurance-certificates', { body, params: { header: { 'Idempotency-Key': newIdempotencyKey() } } }),
      );
      if (!declared.ok || !declared.data.upload) {
        return declared;
      }
      setProgress(0);
      const uploaded = await upload(declared.data.upload, file, setProgress);
      return uploaded.ok ? declared : { ok: false as const, problem: uploaded.problem };
    });
    if (sent) {
      form.setValues({});
      onSaved('Certificate filed and its file uploaded.');
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate class="card narrow" aria-label="Insurance certificate">
      <h3>Insurance certificate</h3>
      <p>A new certificate replaces the one on file. It counts once its file has arrived.</p>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <TextField pointer="/insurer" label="Insurer" {...fieldProps} required />
      <TextField pointer="/policyNumber" label="Policy number" {...fieldProps} required />
      <TextField pointer="/autoLiabilityCoverage" label="Auto liability coverage per occurrence, USD" type="number" {...fieldProps} required />
      <TextField pointer="/cargoCoverage" label="Cargo coverage per occurrence, USD" type="number" {...fieldProps} required />
      <DateField pointer="/effectiveOn" label="Policy in force from" {...fieldProps} />
      <DateField pointer="/expiresOn" label="Policy's last day" {...fieldProps} />
      <FileField pointer="/file" label="Certificate file" errors={form.fieldErrors} onFile={setFile} />
      <UploadProgress share={progress} label="Uploading the certificate:" />
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Filing…' : 'File the certificate'}
      </button>
    </form>
  );
}

function CarrierRequirementsForm() {
  const [requirements, setRequirements] = useState<Schemas['CarrierRequirementsView'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const form = useApiForm({}, ['/minimumAutoLiability', '/minimumCargo']);
  const fieldProps = { values: form.values, onInput: form.onInput, errors: form.fieldErrors };

  function show(view: Schemas['CarrierRequirementsView']) {
    setRequirements(view);
    form.setValues({ '/minimumAutoLiability': dollarsField(view.minimumAutoLiability), '/minimumCargo': dollarsField(view.minimumCargo) });
  }

  useEffect(() => {
    void call(api.GET('/partners/me/carrier-requirements')).then((outcome) => (outcome.ok ? show(outcome.data) : setProblem(outcome.problem)));
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    setNotice('');
    const body = {
      minimumAutoLiability: coverageOrText(form.values['/minimumAutoLiability']),
      minimumCargo: coverageOrText(form.values['/minimumCargo']),
    };
    const saved = await form.submit(() => call(api.PUT('/partners/me/carrier-requirements', { body })));
    if (saved) {
      show(saved);
      setNotice(`Requirements saved: carriers you book need ${money(saved.minimumAutoLiability)} auto liability and ${money(saved.minimumCargo)} cargo coverage.`);
    }
  }

  return (
    <section aria-labelledby="requirements-heading">
      <h3 id="requirements-heading">What you require of carriers</h3>
      <p>
        Every booking of your loads checks the carrier's certificate against these minimums.
        {requirements?.isDefault ? ' You have set none: the defaults apply (the federal minimum of USD 750,000 auto liability, USD 100,000 cargo).' : ''}
      </p>
      <ProblemAlert problem={problem} />
      <p role="status">{notice}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate class="card narrow" aria-label="Carrier requirements">
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <TextField pointer="/minimumAutoLiability" label="Least auto liability coverage, USD" hint="At least 750,000, the federal minimum for general freight."
          type="number" {...fieldProps} required />
        <TextField pointer="/minimumCargo" label="Least cargo coverage, USD" type="number" {...fieldProps} required />
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save the requirements'}
        </button>
      </form>
    </section>
  );
}
