package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.json.MoneyView;
import com.backhaulexchange.compliance.CarrierCompliance;
import com.backhaulexchange.compliance.CarrierRequirements;
import com.backhaulexchange.compliance.InsuranceCertificate;
import com.backhaulexchange.compliance.OperatingAuthority;
import com.backhaulexchange.deal.document.PresignedRequest;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The JSON of compliance (ADR 37); null components are left out. */
final class ComplianceViews {
    private ComplianceViews() {
    }

    record RequestView(String method, String url, java.util.Map<String, String> headers, String expiresAt) {
    }

    record FileView(String contentType, long sizeBytes, String status, String requestedAt, String uploadedAt) {
    }

    record CertificateView(String certificateId, String insurer, String policyNumber,
            MoneyView autoLiabilityCoverage, MoneyView cargoCoverage, String effectiveOn, String expiresOn,
            long daysToExpiry, FileView file, String declaredAt) {
    }

    record AuthorityView(String usdotNumber, String mcNumber, String status, String statusReason,
            String statusChangedAt) {
    }

    record RecordView(String carrierId, CertificateView insuranceCertificate, AuthorityView operatingAuthority,
            RequestView upload) {
    }

    record RequirementsView(MoneyView minimumAutoLiability, MoneyView minimumCargo, boolean isDefault) {
    }

    record GateView(String decision, String reasonCode, String detail, String pickupDate) {
    }

    record SummaryView(String negotiationId, String carrierId, CertificateView insuranceCertificate,
            AuthorityView operatingAuthority, RequirementsView shipperRequirements, GateView gate) {
    }

    record DownloadView(String certificateId, String contentType, long sizeBytes, RequestView download) {
    }

    record ExpiringItem(String carrierId, String certificateId, String insurer, String expiresOn, long daysToExpiry,
            String authorityStatus) {
    }

    record ExpiringPage(List<ExpiringItem> items, String nextCursor) {
    }

    static RecordView record(CarrierCompliance record, LocalDate today) {
        return new RecordView(record.carrier().value(), certificate(record.insurance(), today),
                authority(record.authority()), null);
    }

    static RecordView granted(ComplianceService.Granted granted, LocalDate today) {
        var record = granted.record();
        return new RecordView(record.carrier().value(), certificate(record.insurance(), today),
                authority(record.authority()), request(granted.upload()));
    }

    static RequirementsView requirements(CarrierRequirements requirements, boolean isDefault) {
        return new RequirementsView(MoneyView.of(requirements.minimumAutoLiability()),
                MoneyView.of(requirements.minimumCargo()), isDefault);
    }

    static SummaryView summary(ComplianceService.Summary summary, LocalDate today) {
        var record = summary.record();
        GateView gate = switch (summary.decision()) {
            case Decision.Allowed allowed -> new GateView("ALLOWED", null, null, date(summary.pickupDate()));
            case Decision.Rejected rejected -> new GateView("REJECTED", rejected.reasonCode(), rejected.detail(),
                    date(summary.pickupDate()));
        };
        return new SummaryView(summary.negotiationId().value(), record.carrier().value(),
                certificate(record.insurance(), today), authority(record.authority()),
                requirements(summary.requirements(), false), gate);
    }

    static DownloadView download(ComplianceService.Download download) {
        var certificate = download.certificate();
        return new DownloadView(certificate.id().value(), certificate.file().contentType().mediaType(),
                certificate.file().sizeBytes(), request(download.download()));
    }

    static ExpiringPage expiring(Page<CarrierCompliance> page, LocalDate today) {
        return new ExpiringPage(page.items().stream().filter(record -> record.insurance() != null)
                .map(record -> new ExpiringItem(record.carrier().value(), record.insurance().id().value(),
                        record.insurance().insurer(), record.insurance().expiresOn().toString(),
                        ChronoUnit.DAYS.between(today, record.insurance().expiresOn()),
                        record.authority() == null ? null : record.authority().status().name()))
                .toList(), page.nextCursor());
    }

    private static CertificateView certificate(InsuranceCertificate certificate, LocalDate today) {
        if (certificate == null) {
            return null;
        }
        var file = certificate.file();
        return new CertificateView(certificate.id().value(), certificate.insurer(), certificate.policyNumber(),
                MoneyView.of(certificate.autoLiabilityCoverage()), MoneyView.of(certificate.cargoCoverage()),
                certificate.effectiveOn().toString(), certificate.expiresOn().toString(),
                ChronoUnit.DAYS.between(today, certificate.expiresOn()),
                new FileView(file.contentType().mediaType(), file.sizeBytes(),
                        file.isUploaded() ? "UPLOADED" : "AWAITING_UPLOAD", file.requestedAt().toString(),
                        file.uploadedAt() == null ? null : file.uploadedAt().toString()),
                certificate.declaredAt().toString());
    }

    private static AuthorityView authority(OperatingAuthority authority) {
        if (authority == null) {
            return null;
        }
        return new AuthorityView(authority.usdotNumber(), authority.mcNumber(), authority.status().name(),
                authority.statusReason(), authority.statusChangedAt() == null ? null
                        : authority.statusChangedAt().toString());
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static RequestView request(PresignedRequest request) {
        return new RequestView(request.method(), request.url().toString(), request.headers(),
                request.expiresAt().toString());
    }
}
