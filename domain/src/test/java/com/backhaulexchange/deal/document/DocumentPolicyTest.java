package com.backhaulexchange.deal.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentPolicyTest {
    private static final BookingId BOOKING = new BookingId("01JDBKNG000000000000000001");
    private static final PartnerId CARRIER = new PartnerId("01JDCARR000000000000000001");
    private static final PartnerId SHIPPER = new PartnerId("01JDSHPR000000000000000001");
    private static final PartnerId STRANGER = new PartnerId("01JDSTRA000000000000000001");
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final DocumentPolicy.UploadRequest POD = new DocumentPolicy.UploadRequest(
            DocumentKind.PROOF_OF_DELIVERY, "application/pdf", 245_760);

    private static DocumentPolicy.Booked booking(BookingStatus status) {
        return new DocumentPolicy.Booked(BOOKING, CARRIER, SHIPPER, status);
    }

    private static String reason(Decision decision) {
        return decision instanceof Decision.Rejected rejected ? rejected.reasonCode() : "ALLOWED";
    }

    @Test
    void theCarrierUploadsBothPartiesReadAndAStrangerIsToldNothingExists() {
        assertThat(reason(DocumentPolicy.mayUpload(booking(BookingStatus.PICKED_UP), CARRIER, POD, List.of())))
                .isEqualTo("ALLOWED");
        assertThat(reason(DocumentPolicy.mayUpload(booking(BookingStatus.PICKED_UP), SHIPPER, POD, List.of())))
                .isEqualTo("WRONG_PARTY");
        assertThat(reason(DocumentPolicy.mayUpload(booking(BookingStatus.PICKED_UP), STRANGER, POD, List.of())))
                .isEqualTo("NOT_A_PARTY");
        assertThat(reason(DocumentPolicy.mayRead(booking(BookingStatus.DELIVERED), SHIPPER))).isEqualTo("ALLOWED");
        assertThat(reason(DocumentPolicy.mayRead(booking(BookingStatus.DELIVERED), STRANGER)))
                .isEqualTo("NOT_A_PARTY");
    }

    @Test
    void onlyAPdfJpegOrPngOfAtMostTenMebibytes() {
        for (String type : List.of("text/html", "image/svg+xml", "application/pdf; charset=utf-8", "APPLICATION/PDF",
                "")) {
            var decision = DocumentPolicy.mayUpload(booking(BookingStatus.PICKED_UP), CARRIER,
                    new DocumentPolicy.UploadRequest(DocumentKind.BILL_OF_LADING, type, 1_000), List.of());
            assertThat(reason(decision)).as(type).isEqualTo("UNSUPPORTED_CONTENT_TYPE");
            assertThat(((Decision.Rejected) decision).field()).isEqualTo("/contentType");
        }
        for (long size : List.of(0L, DocumentPolicy.MAX_SIZE_BYTES + 1)) {
            assertThat(reason(DocumentPolicy.mayUpload(booking(BookingStatus.PICKED_UP), CARRIER,
                    new DocumentPolicy.UploadRequest(DocumentKind.BILL_OF_LADING, "image/png", size), List.of())))
                    .isEqualTo("DOCUMENT_TOO_LARGE");
        }
        assertThat(reason(DocumentPolicy.mayUpload(booking(BookingStatus.PICKED_UP), CARRIER,
                new DocumentPolicy.UploadRequest(DocumentKind.BILL_OF_LADING, "image/jpeg",
                        DocumentPolicy.MAX_SIZE_BYTES), List.of()))).isEqualTo("ALLOWED");
    }

    @Test
    void aProofOfDeliveryComesAfterThePickupAndDocumentsAreBounded() {
        assertThat(reason(DocumentPolicy.mayUpload(booking(BookingStatus.BOOKED), CARRIER, POD, List.of())))
                .isEqualTo("NOT_PICKED_UP");
        assertThat(reason(DocumentPolicy.mayUpload(booking(BookingStatus.CANCELLED), CARRIER, POD, List.of())))
                .isEqualTo("BOOKING_CANCELLED");
        var document = DocumentPolicy.requested(new DocumentId("01JDDCMT000000000000000001"),
                booking(BookingStatus.PICKED_UP), CARRIER, POD, NOW);
        assertThat(reason(DocumentPolicy.mayUpload(booking(BookingStatus.DELIVERED), CARRIER, POD,
                Collections.nCopies(DocumentPolicy.MAX_DOCUMENTS_PER_BOOKING, document))))
                .isEqualTo("TOO_MANY_DOCUMENTS");
    }

    @Test
    void theCarrierConfirmsAnUploadWhichIsVerifiedAgainstWhatWasGranted() {
        var document = DocumentPolicy.requested(new DocumentId("01JDDCMT000000000000000001"),
                booking(BookingStatus.PICKED_UP), CARRIER, POD, NOW);

        assertThat(reason(DocumentPolicy.mayConfirm(booking(BookingStatus.PICKED_UP), CARRIER))).isEqualTo("ALLOWED");
        assertThat(reason(DocumentPolicy.mayConfirm(booking(BookingStatus.PICKED_UP), SHIPPER)))
                .isEqualTo("WRONG_PARTY");
        assertThat(reason(DocumentPolicy.mayConfirm(booking(BookingStatus.PICKED_UP), STRANGER)))
                .isEqualTo("NOT_A_PARTY");
        assertThat(reason(DocumentPolicy.verify(document, java.util.Optional.empty()))).isEqualTo("UPLOAD_NOT_FOUND");
        assertThat(reason(DocumentPolicy.verify(document, java.util.Optional.of(
                new StoredObject(document.sizeBytes() - 1, "application/pdf"))))).isEqualTo("UPLOAD_MISMATCH");
        assertThat(reason(DocumentPolicy.verify(document, java.util.Optional.of(
                new StoredObject(document.sizeBytes(), "image/png"))))).isEqualTo("UPLOAD_MISMATCH");
        assertThat(reason(DocumentPolicy.verify(document, java.util.Optional.of(
                new StoredObject(document.sizeBytes(), "application/pdf"))))).isEqualTo("ALLOWED");
    }

    @Test
    void aDocumentIsUploadedOnlyWhenStorageHoldsExactlyTheGrantedTypeAndSize() {
        var document = DocumentPolicy.requested(new DocumentId("01JDDCMT000000000000000001"),
                booking(BookingStatus.PICKED_UP), CARRIER, POD, NOW);
        assertThat(document.objectKey()).isEqualTo("bookings/01JDBKNG000000000000000001/01JDDCMT000000000000000001.pdf");
        assertThat(document.fileName()).isEqualTo("proof-of-delivery-01JDDCMT000000000000000001.pdf");
        assertThat(document.isUploaded()).isFalse();
        assertThat(document.confirmedBy(new StoredObject(245_760, "text/html"), NOW).isUploaded()).isFalse();
        assertThat(document.confirmedBy(new StoredObject(245_761, "application/pdf"), NOW).isUploaded()).isFalse();
        var uploaded = document.confirmedBy(new StoredObject(245_760, "application/pdf"), NOW.plusSeconds(30));
        assertThat(uploaded.uploadedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(uploaded.confirmedBy(new StoredObject(245_760, "application/pdf"), NOW.plusSeconds(90)))
                .isEqualTo(uploaded);
    }
}
