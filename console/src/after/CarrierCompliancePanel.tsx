import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { money } from '../pages/laneText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { expiryWords, gateAdvice } from './afterText';
import { startDownload } from './transfer';

/**
 * A negotiation's carrier compliance (ADR 37), for both parties: the carrier's authority and certificate, the
 * shipper's requirements and how the gate would decide a booking now; the certificate's file as a download.
 * `refreshKey` changes when the page learns something new (a refused accept), to read it again.
 */
export function CarrierCompliancePanel({ negotiationId, refreshKey }: { negotiationId: string; refreshKey: number }) {
  const [summary, setSummary] = useState<Schemas['CarrierComplianceSummary'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<Problem | null>(null);
  const path = { params: { path: { negotiationId } } };

  useEffect(() => {
    void call(api.GET('/negotiations/{negotiationId}/carrier-compliance', path)).then((outcome) => {
      if (outcome.ok) {
        setSummary(outcome.data);
        setProblem(null);
      } else {
        setProblem(outcome.problem);
      }
    });
  }, [negotiationId, refreshKey]);

  async function download() {
    setDownloadProblem(null);
    const outcome = await call(api.GET('/negotiations/{negotiationId}/carrier-compliance/certificate', path));
    if (outcome.ok) {
      startDownload(outcome.data.download);
    } else {
      setDownloadProblem(outcome.problem);
    }
  }

  const gate = summary?.gate;
  const advice = gate?.decision === 'REJECTED' ? gateAdvice(gate.reasonCode) : null;
  const certificate = summary?.insuranceCertificate;
  const authority = summary?.operatingAuthority;
  return (
    <section aria-labelledby="carrier-compliance-heading">
      <h2 id="carrier-compliance-heading">Carrier compliance</h2>
      <ProblemAlert problem={problem} />
      {summary && gate && (
        <>
          <p data-testid="gate-decision" class={gate.decision === 'ALLOWED' ? 'compliance-ok' : 'compliance-blocking'}>
            {gate.decision === 'ALLOWED' ? (
              <strong>The carrier can be booked{gate.pickupDate ? ` for a pickup on ${gate.pickupDate}` : ''}.</strong>
            ) : (
              <>
                <strong>An accept would be refused now{gate.reasonCode ? ` (${gate.reasonCode})` : ''}.</strong>{' '}
                {advice ? `${advice.what} ${advice.todo}` : gate.detail}
              </>
            )}
          </p>
          <dl class="explanation">
            <dt>Operating authority</dt>
            <dd>
              {authority
                ? `USDOT ${authority.usdotNumber}, MC ${authority.mcNumber}: ${authority.status === 'ACTIVE' ? 'active' : 'revoked'}`
                : 'not filed'}
            </dd>
            <dt>Insurance</dt>
            <dd>
              {certificate ? (
                <>
                  {certificate.insurer}, policy {certificate.policyNumber}: auto liability {money(certificate.autoLiabilityCoverage)}, cargo{' '}
                  {money(certificate.cargoCoverage)}, {certificate.effectiveOn} to {certificate.expiresOn}.{' '}
                  {expiryWords(certificate.daysToExpiry).text.split(':')[0]!.replace(/\.$/, '')}.
                </>
              ) : (
                'no certificate filed'
              )}
            </dd>
            <dt>The shipper requires</dt>
            <dd>
              auto liability {money(summary.shipperRequirements.minimumAutoLiability)}, cargo {money(summary.shipperRequirements.minimumCargo)}
              {summary.shipperRequirements.isDefault ? ' (the defaults)' : ''}
            </dd>
          </dl>
          {certificate?.file.status === 'UPLOADED' && (
            <p>
              <button type="button" class="secondary" onClick={download}>
                Download the insurance certificate
              </button>
            </p>
          )}
          <ProblemAlert problem={downloadProblem} />
        </>
      )}
    </section>
  );
}

/** An accept the compliance gate refused (409 with its reason code): what the carrier must do, in words. */
export function GateRefusalAdvice({ problem }: { problem: Problem | null }) {
  const advice = gateAdvice(problem?.reasonCode);
  if (!advice) {
    return null;
  }
  return (
    <p class="gate-advice" data-testid="gate-advice">
      <strong>{advice.what}</strong> {advice.todo}
    </p>
  );
}
