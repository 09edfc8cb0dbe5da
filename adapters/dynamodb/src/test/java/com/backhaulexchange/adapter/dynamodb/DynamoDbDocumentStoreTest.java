package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.document.BookingDocument;
import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.deal.document.DocumentId;
import com.backhaulexchange.deal.document.DocumentKind;
import com.backhaulexchange.deal.document.StoredObject;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DisplayName("DynamoDbDocumentStore on DynamoDB Local")
class DynamoDbDocumentStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final BookingId BOOKING = new BookingId("01JDBKNG000000000000000001");

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final String table = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
    private final DynamoDbDocumentStore store = new DynamoDbDocumentStore(dynamoDb, table);

    @Test
    void aDocumentReadsBackAsWrittenBeforeAndAfterItsUpload() {
        var requested = new BookingDocument(new DocumentId("01JDDCMT000000000000000001"), BOOKING,
                DocumentKind.PROOF_OF_DELIVERY, DocumentContentType.JPEG, 1_234_567,
                new PartnerId("01JDCARR000000000000000001"), T0, null);
        store.create(requested, null);
        assertThat(store.find(BOOKING, requested.id())).contains(requested);

        var uploaded = requested.confirmedBy(new StoredObject(1_234_567, "image/jpeg"), T0.plusSeconds(40));
        store.save(uploaded);
        assertThat(store.list(BOOKING)).containsExactly(uploaded);
        assertThat(store.list(new BookingId("01JDBKNG000000000000000002"))).isEmpty();
        assertThat(store.find(BOOKING, new DocumentId("01JDDCMT000000000000000002"))).isEmpty();
    }
}
