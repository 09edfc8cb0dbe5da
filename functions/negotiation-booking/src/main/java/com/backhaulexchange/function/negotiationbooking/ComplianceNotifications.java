package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.compliance.InsuranceCertificate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The data of a COMPLIANCE_EXPIRING webhook (ADR 37): which certificate, when it ends, which notice this is. */
final class ComplianceNotifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComplianceNotifications() {
    }

    record ExpiringPayload(String certificateId, String insurer, String policyNumber, String expiresOn,
            long daysToExpiry, int thresholdDays) {
    }

    static String expiring(InsuranceCertificate certificate, int thresholdDays, long daysLeft) {
        try {
            return JSON.writeValueAsString(new ExpiringPayload(certificate.id().value(), certificate.insurer(),
                    certificate.policyNumber(), certificate.expiresOn().toString(), daysLeft, thresholdDays));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification payload always serialises", e);
        }
    }
}
