package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.compliance.AuthorityStatus;
import com.backhaulexchange.compliance.CarrierCompliance;
import com.backhaulexchange.compliance.CarrierRequirements;
import com.backhaulexchange.compliance.CertificateFile;
import com.backhaulexchange.compliance.CertificateId;
import com.backhaulexchange.compliance.ComplianceRepository;
import com.backhaulexchange.compliance.ExpiryNotices;
import com.backhaulexchange.compliance.InsuranceCertificate;
import com.backhaulexchange.compliance.OperatingAuthority;
import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Compliance (ADR 37) in the NegotiationsTable, the table of the function that books, so the gate reads it with the
 * rights it has:
 * <pre>
 * carrier's record:      pk COMPLIANCE#&lt;carrierId&gt;  sk COMPLIANCE        gsi1pk INSURANCE_EXPIRY       gsi1sk &lt;expiresOn&gt;#&lt;carrierId&gt;
 * next expiry notice:    pk COMPLIANCE#&lt;carrierId&gt;  sk EXPIRY_NOTICE     gsi1pk COMPLIANCE_NOTICE_DUE  gsi1sk &lt;dueOn&gt;#&lt;carrierId&gt;
 * a notice sent:         pk COMPLIANCE#&lt;carrierId&gt;  sk EXPIRY_NOTICE#&lt;certificateId&gt;#&lt;thresholdDays&gt;
 * shipper's requirements: pk COMPLIANCE#&lt;shipperId&gt; sk REQUIREMENTS
 * </pre>
 * Flat attributes; the record carries {@code version} for optimistic writes. Both index entries are sparse: only a
 * record with a certificate is in INSURANCE_EXPIRY, only a certificate with a notice left in COMPLIANCE_NOTICE_DUE.
 */
public final class DynamoDbComplianceStore implements ComplianceRepository {
    static final String EXPIRY_PARTITION = "INSURANCE_EXPIRY";
    static final String NOTICE_PARTITION = "COMPLIANCE_NOTICE_DUE";
    /** A marker of a sent notice outlives any certificate it could be about. */
    static final Duration NOTICE_RETENTION = Duration.ofDays(400);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbComplianceStore(DynamoDbClient dynamoDb, String negotiationsTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = negotiationsTableName;
    }

    private static String partition(PartnerId partner) {
        return "COMPLIANCE#" + partner.value();
    }

    @Override
    public Optional<CarrierCompliance> find(PartnerId carrier) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).consistentRead(true)
                .key(Map.of("pk", s(partition(carrier)), "sk", s("COMPLIANCE")))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(recordFrom(item));
    }

    @Override
    public CarrierCompliance save(CarrierCompliance record, boolean newCertificate,
            IdempotencyRecord idempotencyRecord) {
        CarrierCompliance next = new CarrierCompliance(record.carrier(), record.insurance(), record.authority(),
                record.version() + 1);
        List<TransactWriteItem> writes = new ArrayList<>();
        Put.Builder put = Put.builder().tableName(tableName).item(item(next));
        if (record.version() == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :read")
                    .expressionAttributeValues(Map.of(":read", n(record.version())));
        }
        writes.add(TransactWriteItem.builder().put(put.build()).build());
        if (newCertificate && next.insurance() != null) {
            InsuranceCertificate certificate = next.insurance();
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(Map.of(
                    "pk", s(partition(next.carrier())), "sk", s("EXPIRY_NOTICE"),
                    "entityType", s("COMPLIANCE_NOTICE_SCHEDULE"),
                    "certificateId", s(certificate.id().value()),
                    "expiresOn", s(certificate.expiresOn().toString()),
                    DynamoDbDealStore.GSI1_PK, s(NOTICE_PARTITION),
                    "gsi1sk", s(ExpiryNotices.firstDueOn(certificate.expiresOn()) + "#" + next.carrier().value())))
                    .build()).build());
        }
        int idempotencyWrite = writes.size();
        if (idempotencyRecord != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(PartnerItems.idempotencyItem(idempotencyRecord))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        Transactions.writeRetryingRaces(dynamoDb, writes, e -> {
            if (idempotencyRecord != null
                    && Transactions.failedAt(e, idempotencyWrite, Transactions.CONDITIONAL_CHECK_FAILED)) {
                return new IdempotencyConflictException(idempotencyRecord.recordId());
            }
            return new StaleWriteException("compliance record of " + record.carrier().value() + " changed: "
                    + Transactions.reasons(e));
        });
        return next;
    }

    @Override
    public Optional<CarrierRequirements> requirementsOf(PartnerId shipper) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).consistentRead(true)
                .key(Map.of("pk", s(partition(shipper)), "sk", s("REQUIREMENTS")))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CarrierRequirements(
                Money.of(Long.parseLong(item.get("minimumAutoLiabilityMinorUnits").n()), item.get("currency").s()),
                Money.of(Long.parseLong(item.get("minimumCargoMinorUnits").n()), item.get("currency").s())));
    }

    @Override
    public void saveRequirements(PartnerId shipper, CarrierRequirements requirements) {
        dynamoDb.putItem(request -> request.tableName(tableName).item(Map.of(
                "pk", s(partition(shipper)), "sk", s("REQUIREMENTS"), "entityType", s("CARRIER_REQUIREMENTS"),
                "currency", s(requirements.minimumAutoLiability().currency().getCurrencyCode()),
                "minimumAutoLiabilityMinorUnits", n(requirements.minimumAutoLiability().amountMinorUnits()),
                "minimumCargoMinorUnits", n(requirements.minimumCargo().amountMinorUnits()))));
    }

    @Override
    public Page<CarrierCompliance> expiring(LocalDate from, LocalDate to, int limit, String cursor) {
        var start = PageCursors.decode(cursor, Set.of("pk", "sk", "gsi1pk", "gsi1sk"), "gsi1pk", EXPIRY_PARTITION);
        var response = dynamoDb.query(request -> request.tableName(tableName).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :expiry AND gsi1sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":expiry", s(EXPIRY_PARTITION), ":from", s(from.toString()),
                        ":to", s(to + "#~")))
                .limit(limit).exclusiveStartKey(start));
        var items = response.items().stream().map(DynamoDbComplianceStore::recordFrom).toList();
        return new Page<>(items, response.hasLastEvaluatedKey() ? PageCursors.encode(response.lastEvaluatedKey())
                : null);
    }

    @Override
    public List<NoticeDue> noticesDue(LocalDate today, int limit) {
        return dynamoDb.query(request -> request.tableName(tableName).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :due AND gsi1sk <= :today")
                        .expressionAttributeValues(Map.of(":due", s(NOTICE_PARTITION), ":today", s(today + "#~")))
                        .limit(limit))
                .items().stream().map(item -> {
                    String sortKey = item.get("gsi1sk").s();
                    return new NoticeDue(new PartnerId(item.get("pk").s().substring("COMPLIANCE#".length())),
                            new CertificateId(item.get("certificateId").s()),
                            LocalDate.parse(sortKey.substring(0, sortKey.indexOf('#'))));
                }).toList();
    }

    @Override
    public boolean recordNotice(NoticeDue due, int thresholdDays, LocalDate nextDueOn,
            List<Notification> notifications) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (notifications.isEmpty()) {
            throw new IllegalArgumentException("a notice is sent to someone");
        }
        Instant now = notifications.getFirst().occurredAt();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(Map.of(
                "pk", s(partition(due.carrier())),
                "sk", s("EXPIRY_NOTICE#" + due.certificate().value() + "#" + thresholdDays),
                "entityType", s("COMPLIANCE_NOTICE_SENT"), "sentAt", s(now.toString()),
                "expiresAtEpochSeconds", n(now.plus(NOTICE_RETENTION).getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        writes.add(TransactWriteItem.builder().update(advance(due, nextDueOn)).build());
        writes.addAll(DynamoDbDealStore.outboxWrites(tableName, notifications));
        try {
            Transactions.writeRetryingRaces(dynamoDb, writes, e -> new NoticeNotRecorded(
                    Transactions.failedAt(e, 0, Transactions.CONDITIONAL_CHECK_FAILED)));
            return true;
        } catch (NoticeNotRecorded e) {
            if (e.alreadySent) {
                // Sent by an earlier run whose schedule did not move: move it now, or it would be read again.
                try {
                    dynamoDb.updateItem(advanceRequest(due, nextDueOn));
                } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException ignored) {
                    // A renewal replaced the schedule meanwhile.
                }
            }
            return false;
        }
    }

    @Override
    public void cancelNotices(NoticeDue due) {
        try {
            dynamoDb.updateItem(advanceRequest(due, null));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException ignored) {
            // A renewal replaced the schedule meanwhile: its notices stand.
        }
    }

    /** Why a notice was not recorded: already sent, or the schedule moved on (a renewal). */
    private static final class NoticeNotRecorded extends RuntimeException {
        final boolean alreadySent;

        NoticeNotRecorded(boolean alreadySent) {
            super(null, null, false, false);
            this.alreadySent = alreadySent;
        }
    }

    private Update advance(NoticeDue due, LocalDate nextDueOn) {
        var request = advanceRequest(due, nextDueOn);
        return Update.builder().tableName(tableName).key(request.key()).updateExpression(request.updateExpression())
                .conditionExpression(request.conditionExpression())
                .expressionAttributeValues(request.expressionAttributeValues()).build();
    }

    private software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest advanceRequest(NoticeDue due,
            LocalDate nextDueOn) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":cert", s(due.certificate().value()));
        String expression;
        if (nextDueOn == null) {
            expression = "REMOVE gsi1pk, gsi1sk";
        } else {
            expression = "SET gsi1sk = :next";
            values.put(":next", s(nextDueOn + "#" + due.carrier().value()));
        }
        return software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.builder().tableName(tableName)
                .key(Map.of("pk", s(partition(due.carrier())), "sk", s("EXPIRY_NOTICE")))
                .updateExpression(expression).conditionExpression("certificateId = :cert")
                .expressionAttributeValues(values).build();
    }

    private static Map<String, AttributeValue> item(CarrierCompliance record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(record.carrier())));
        item.put("sk", s("COMPLIANCE"));
        item.put("entityType", s("CARRIER_COMPLIANCE"));
        item.put("carrierId", s(record.carrier().value()));
        item.put("version", n(record.version()));
        InsuranceCertificate insurance = record.insurance();
        if (insurance != null) {
            item.put("certificateId", s(insurance.id().value()));
            item.put("insurer", s(insurance.insurer()));
            item.put("policyNumber", s(insurance.policyNumber()));
            item.put("currency", s(insurance.autoLiabilityCoverage().currency().getCurrencyCode()));
            item.put("autoLiabilityMinorUnits", n(insurance.autoLiabilityCoverage().amountMinorUnits()));
            item.put("cargoMinorUnits", n(insurance.cargoCoverage().amountMinorUnits()));
            item.put("effectiveOn", s(insurance.effectiveOn().toString()));
            item.put("expiresOn", s(insurance.expiresOn().toString()));
            item.put("fileContentType", s(insurance.file().contentType().name()));
            item.put("fileSizeBytes", n(insurance.file().sizeBytes()));
            item.put("fileRequestedAt", s(insurance.file().requestedAt().toString()));
            if (insurance.file().uploadedAt() != null) {
                item.put("fileUploadedAt", s(insurance.file().uploadedAt().toString()));
            }
            item.put("declaredAt", s(insurance.declaredAt().toString()));
            item.put(DynamoDbDealStore.GSI1_PK, s(EXPIRY_PARTITION));
            item.put("gsi1sk", s(insurance.expiresOn() + "#" + record.carrier().value()));
        }
        OperatingAuthority authority = record.authority();
        if (authority != null) {
            item.put("usdotNumber", s(authority.usdotNumber()));
            item.put("mcNumber", s(authority.mcNumber()));
            item.put("authorityStatus", s(authority.status().name()));
            if (authority.statusReason() != null) {
                item.put("authorityStatusReason", s(authority.statusReason()));
            }
            if (authority.statusChangedAt() != null) {
                item.put("authorityStatusChangedAt", s(authority.statusChangedAt().toString()));
            }
        }
        return item;
    }

    private static CarrierCompliance recordFrom(Map<String, AttributeValue> item) {
        PartnerId carrier = new PartnerId(item.get("carrierId").s());
        InsuranceCertificate insurance = null;
        if (item.containsKey("certificateId")) {
            String currency = item.get("currency").s();
            insurance = new InsuranceCertificate(new CertificateId(item.get("certificateId").s()), carrier,
                    item.get("insurer").s(), item.get("policyNumber").s(),
                    Money.of(Long.parseLong(item.get("autoLiabilityMinorUnits").n()), currency),
                    Money.of(Long.parseLong(item.get("cargoMinorUnits").n()), currency),
                    LocalDate.parse(item.get("effectiveOn").s()), LocalDate.parse(item.get("expiresOn").s()),
                    new CertificateFile(DocumentContentType.valueOf(item.get("fileContentType").s()),
                            Long.parseLong(item.get("fileSizeBytes").n()),
                            Instant.parse(item.get("fileRequestedAt").s()),
                            item.containsKey("fileUploadedAt") ? Instant.parse(item.get("fileUploadedAt").s()) : null),
                    Instant.parse(item.get("declaredAt").s()));
        }
        OperatingAuthority authority = null;
        if (item.containsKey("usdotNumber")) {
            authority = new OperatingAuthority(item.get("usdotNumber").s(), item.get("mcNumber").s(),
                    AuthorityStatus.valueOf(item.get("authorityStatus").s()),
                    item.containsKey("authorityStatusReason") ? item.get("authorityStatusReason").s() : null,
                    item.containsKey("authorityStatusChangedAt")
                            ? Instant.parse(item.get("authorityStatusChangedAt").s()) : null);
        }
        return new CarrierCompliance(carrier, insurance, authority, Long.parseLong(item.get("version").n()));
    }
}
