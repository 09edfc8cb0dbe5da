package com.backhaulexchange.compliance;

import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.partner.PartnerId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Carriers' compliance records and shippers' requirements, as stored. */
public interface ComplianceRepository {

    Optional<CarrierCompliance> find(PartnerId carrier);

    /**
     * Stores the record at its next version if the stored one is still at {@code record.version()} (0: none yet),
     * with the idempotency record of the request (null: none); {@code newCertificate}: the record's certificate was
     * just declared, so its expiry notices are scheduled from its first. Throws
     * {@link com.backhaulexchange.kernel.persistence.StaleWriteException} when it changed meanwhile.
     */
    CarrierCompliance save(CarrierCompliance record, boolean newCertificate, IdempotencyRecord idempotencyRecord);

    Optional<CarrierRequirements> requirementsOf(PartnerId shipper);

    void saveRequirements(PartnerId shipper, CarrierRequirements requirements);

    /** Records whose certificate's last day is within [from, to], soonest first, from the expiry index. */
    Page<CarrierCompliance> expiring(LocalDate from, LocalDate to, int limit, String cursor);

    /** A certificate whose next expiry notice is due. */
    record NoticeDue(PartnerId carrier, CertificateId certificate, LocalDate dueOn) {
    }

    /** At most {@code limit} certificates whose next notice is due on or before {@code today}, earliest first. */
    List<NoticeDue> noticesDue(LocalDate today, int limit);

    /**
     * Records that the notice of {@code thresholdDays} for the certificate was sent, with its notifications, at most
     * once (false: it was already recorded, nothing written), and moves the certificate's next notice to
     * {@code nextDueOn} (null: none left).
     */
    boolean recordNotice(NoticeDue due, int thresholdDays, LocalDate nextDueOn, List<Notification> notifications);

    /** No notice left for this certificate (it expired unnoticed, or the record is gone): out of the schedule. */
    void cancelNotices(NoticeDue due);
}
