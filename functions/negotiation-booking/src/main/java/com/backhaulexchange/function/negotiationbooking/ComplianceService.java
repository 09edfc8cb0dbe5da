package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.compliance.AuthorityStatus;
import com.backhaulexchange.compliance.CarrierCompliance;
import com.backhaulexchange.compliance.CarrierCompliancePolicy;
import com.backhaulexchange.compliance.CarrierRequirements;
import com.backhaulexchange.compliance.CertificateFile;
import com.backhaulexchange.compliance.CertificateId;
import com.backhaulexchange.compliance.CompliancePolicy;
import com.backhaulexchange.compliance.ComplianceRepository;
import com.backhaulexchange.compliance.InsuranceCertificate;
import com.backhaulexchange.compliance.OperatingAuthority;
import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.deal.document.DocumentStorage;
import com.backhaulexchange.deal.document.PresignedRequest;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.NegotiationRepository;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The compliance gate and its records (ADR 37): a carrier files its insurance certificate (uploaded straight to
 * storage by a presigned PUT, as a booking's documents) and its operating authority; a shipper sets what it requires
 * of carriers; a party to a negotiation reads the carrier's compliance and downloads its certificate; the operator
 * revokes and reinstates authorities and lists certificates about to expire. {@link #requireBookable} is the gate
 * every booking passes before anything is written.
 */
final class ComplianceService {
    static final int MAX_EXPIRING_WITHIN_DAYS = 365;

    private final ComplianceRepository compliance;
    private final NegotiationRepository negotiations;
    private final LaneRepository lanes;
    private final DocumentStorage storage;
    private final Ulid ids;
    private final Clock clock;

    ComplianceService(ComplianceRepository compliance, NegotiationRepository negotiations, LaneRepository lanes,
            DocumentStorage storage, Ulid ids, Clock clock) {
        this.compliance = compliance;
        this.negotiations = negotiations;
        this.lanes = lanes;
        this.storage = storage;
        this.ids = ids;
        this.clock = clock;
    }

    record Granted(CarrierCompliance record, PresignedRequest upload) {
    }

    record Download(InsuranceCertificate certificate, PresignedRequest download) {
    }

    /** What a party to a negotiation sees of its carrier: the record and how the gate would decide now. */
    record Summary(NegotiationId negotiationId, CarrierCompliance record, CarrierRequirements requirements,
            LocalDate pickupDate, Decision decision) {
    }

    // ---- the carrier

    Granted declareInsurance(PartnerPrincipal caller, CompliancePolicy.Declaration declaration,
            Function<Granted, IdempotencyRecord> idempotencyRecordFor) {
        refuseUnlessAllowed(CompliancePolicy.mayFile(caller.roles()));
        Instant now = clock.instant();
        refuseUnlessAllowed(CompliancePolicy.mayDeclare(declaration, LocalDate.ofInstant(now, ZoneOffset.UTC)));
        CarrierCompliance current = compliance.find(caller.partnerId())
                .orElse(CarrierCompliance.none(caller.partnerId()));
        var certificate = new InsuranceCertificate(new CertificateId(ids.next()), caller.partnerId(),
                declaration.insurer(), declaration.policyNumber(), declaration.autoLiabilityCoverage(),
                declaration.cargoCoverage(), declaration.effectiveOn(), declaration.expiresOn(),
                new CertificateFile(DocumentContentType.ofMediaType(declaration.contentType()).orElseThrow(),
                        declaration.sizeBytes(), now, null), now);
        var upload = storage.presignUpload(certificate.objectKey(), certificate.file().contentType(),
                certificate.file().sizeBytes(), CompliancePolicy.UPLOAD_VALIDITY);
        CarrierCompliance next = current.withInsurance(certificate);
        var stored = save(next, true, idempotencyRecordFor == null ? null
                : idempotencyRecordFor.apply(new Granted(withVersion(next, current.version() + 1), upload)));
        return new Granted(stored, upload);
    }

    CarrierCompliance declareAuthority(PartnerPrincipal caller, String usdotNumber, String mcNumber) {
        refuseUnlessAllowed(CompliancePolicy.mayFile(caller.roles()));
        CarrierCompliance current = compliance.find(caller.partnerId())
                .orElse(CarrierCompliance.none(caller.partnerId()));
        OperatingAuthority authority = current.authority() == null
                ? OperatingAuthority.declared(usdotNumber, mcNumber)
                : current.authority().redeclared(usdotNumber, mcNumber);
        if (authority.equals(current.authority())) {
            return current;
        }
        return save(current.withAuthority(authority), false, null);
    }

    /** The caller's own record; a certificate file still awaited is looked for in storage first. */
    CarrierCompliance read(PartnerPrincipal caller) {
        refuseUnlessAllowed(CompliancePolicy.mayFile(caller.roles()));
        return compliance.find(caller.partnerId()).map(this::confirmed)
                .orElse(CarrierCompliance.none(caller.partnerId()));
    }

    // ---- the shipper

    CarrierRequirements requirements(PartnerPrincipal caller) {
        return compliance.requirementsOf(caller.partnerId()).orElse(CarrierRequirements.DEFAULT);
    }

    boolean hasOwnRequirements(PartnerPrincipal caller) {
        return compliance.requirementsOf(caller.partnerId()).isPresent();
    }

    CarrierRequirements setRequirements(PartnerPrincipal caller, CarrierRequirements requirements) {
        refuseUnlessAllowed(CompliancePolicy.mayRequire(requirements));
        compliance.saveRequirements(caller.partnerId(), requirements);
        return requirements;
    }

    // ---- a party to a negotiation

    Summary summary(PartnerPrincipal caller, NegotiationId id) {
        Negotiation negotiation = partyTo(caller, id);
        var record = compliance.find(negotiation.carrier()).map(this::confirmed);
        var requirements = compliance.requirementsOf(negotiation.shipper()).orElse(CarrierRequirements.DEFAULT);
        LocalDate pickupDate = pickupDateOf(negotiation.loadLaneId().value()).orElse(null);
        Decision decision = pickupDate == null ? Decision.rejected("LOAD_GONE", "The load is no longer posted.", null)
                : CarrierCompliancePolicy.mayBook(record, requirements, pickupDate);
        return new Summary(id, record.orElse(CarrierCompliance.none(negotiation.carrier())), requirements, pickupDate,
                decision);
    }

    Download certificate(PartnerPrincipal caller, NegotiationId id) {
        Negotiation negotiation = partyTo(caller, id);
        InsuranceCertificate certificate = compliance.find(negotiation.carrier()).map(this::confirmed)
                .map(CarrierCompliance::insurance).filter(insurance -> insurance.file().isUploaded())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "The carrier has no insurance certificate on file."));
        return new Download(certificate, storage.presignDownload(certificate.objectKey(),
                certificate.file().contentType(), certificate.fileName(), CompliancePolicy.DOWNLOAD_VALIDITY));
    }

    // ---- the operator

    CarrierCompliance setAuthorityStatus(PartnerId carrier, AuthorityStatus status, String reason) {
        CarrierCompliance current = compliance.find(carrier).filter(record -> record.authority() != null)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "No such carrier with a declared operating authority."));
        if (current.authority().status() == status) {
            return current;
        }
        return save(current.withAuthority(current.authority().withStatus(status, reason, clock.instant())), false,
                null);
    }

    Page<CarrierCompliance> expiring(int withinDays, int limit, String cursor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return compliance.expiring(today, today.plusDays(withinDays), limit, cursor);
    }

    // ---- the gate

    /**
     * Refuses (409 with the policy's reason code) unless {@code carrier} may be booked for the load; called before
     * anything of the booking is written. The pickup day is the last day of the load's pickup window, where the load
     * is: the insurance must be in force however late in its window the freight is picked up.
     */
    void requireBookable(PartnerId carrier, PartnerId shipper, LoadLane load) {
        LocalDate pickupDate = LocalDate.ofInstant(load.pickupWindow().closesAt(), load.pickupWindow().zone());
        // A file uploaded but not yet seen counts (HEAD), without storing that here: a refused accept writes nothing.
        var record = compliance.find(carrier).map(found -> confirmed(found, false));
        var requirements = compliance.requirementsOf(shipper).orElse(CarrierRequirements.DEFAULT);
        if (CarrierCompliancePolicy.mayBook(record, requirements, pickupDate) instanceof Decision.Rejected rejected) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, rejected.detail() + " Nothing was booked.")
                    .withReasonCode(rejected.reasonCode()));
        }
    }

    // ---- parts

    private Negotiation partyTo(PartnerPrincipal caller, NegotiationId id) {
        return negotiations.find(id).map(NegotiationRepository.Versioned::value)
                .filter(negotiation -> negotiation.carrier().equals(caller.partnerId())
                        || negotiation.shipper().equals(caller.partnerId()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such negotiation."));
    }

    private Optional<LocalDate> pickupDateOf(String loadLaneId) {
        return lanes.findLane(loadLaneId).filter(PostedLane.Load.class::isInstance).map(PostedLane.Load.class::cast)
                .map(load -> LocalDate.ofInstant(load.lane().pickupWindow().closesAt(),
                        load.lane().pickupWindow().zone()));
    }

    /** A certificate whose file is awaited is looked for in storage; once there, the record says so. */
    private CarrierCompliance confirmed(CarrierCompliance record) {
        return confirmed(record, true);
    }

    private CarrierCompliance confirmed(CarrierCompliance record, boolean store) {
        InsuranceCertificate insurance = record.insurance();
        if (insurance == null || insurance.file().isUploaded()) {
            return record;
        }
        CertificateFile file = storage.head(insurance.objectKey())
                .map(stored -> insurance.file().confirmedBy(stored, clock.instant())).orElse(insurance.file());
        if (!file.isUploaded()) {
            return record;
        }
        if (!store) {
            return record.withInsurance(insurance.withFile(file));
        }
        try {
            return compliance.save(record.withInsurance(insurance.withFile(file)), false, null);
        } catch (StaleWriteException e) {
            return compliance.find(record.carrier()).orElse(record);
        }
    }

    private CarrierCompliance save(CarrierCompliance record, boolean newCertificate,
            IdempotencyRecord idempotencyRecord) {
        try {
            return compliance.save(record, newCertificate, idempotencyRecord);
        } catch (StaleWriteException e) {
            throw new ProblemException(ProblemType.CONFLICT, "The compliance record changed while your request was"
                    + " being handled; read it again and retry.");
        }
    }

    private static CarrierCompliance withVersion(CarrierCompliance record, long version) {
        return new CarrierCompliance(record.carrier(), record.insurance(), record.authority(), version);
    }

    private static void refuseUnlessAllowed(Decision decision) {
        if (!(decision instanceof Decision.Rejected rejected)) {
            return;
        }
        ProblemType type = switch (rejected.reasonCode()) {
            case "NOT_A_CARRIER" -> ProblemType.FORBIDDEN;
            default -> ProblemType.VALIDATION_FAILED;
        };
        List<FieldError> errors = rejected.field() == null ? List.of()
                : List.of(new FieldError(rejected.field(), rejected.detail() + " (" + rejected.reasonCode() + ")"));
        throw new ProblemException(Problem.of(type, rejected.detail(), errors).withReasonCode(rejected.reasonCode()));
    }
}
