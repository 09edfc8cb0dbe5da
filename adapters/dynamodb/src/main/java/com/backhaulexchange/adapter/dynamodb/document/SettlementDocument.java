package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.Account;
import com.backhaulexchange.settlement.Ledger;
import com.backhaulexchange.settlement.LedgerLine;
import com.backhaulexchange.settlement.Posting;
import com.backhaulexchange.settlement.Statement;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import java.io.IOException;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A committed period's settlement as the CollaborationsTable stores it: the JSON of this record, gzipped, in the
 * chunks of the period's header item (whose {@code settlementSchemaVersion} says its version). Fields in stored
 * order; absent parts (a refusal, or a result, ledger and statements) are left out. Version 1 is exactly what the
 * settlement function wrote before the settlement had its own type (a Jackson tree built by hand): those
 * documents read unchanged, and are written again byte for byte.
 *
 * <p>Version 2 (issue 12, ADR 35): each statement may carry {@code emissions}, the member's share of the CO₂e
 * avoided by the money's rule with the emissions core check. Optional, so a version-1 document is a version-2
 * document whose statements have none: it reads as before (no emissions), and is written back unchanged.
 *
 * <p>Version 3 (issue 14, ADR 38): a statement's risk entry may be of kind {@code DETENTION}, a delivered booking's
 * confirmed detention, so one booking id may stand both in {@code bookings} (its realised gain) and in
 * {@code riskEvents}. A document holding no such entry is a version-2 document and is written as one
 * ({@link #versionOf}), so a release that reads version 2 still reads every period without detention.
 */
public record SettlementDocument(String collaborationId, long periodIndex, String startsAt, String endsAt,
        String closesAt, int agreementVersion, String currency, List<String> members, String outcome,
        List<RefusalEntry> refusal, ResultEntry result, LedgerEntry ledger, Map<String, StatementEntry> statements,
        List<String> settledBookings) {

    /** The newest version this code reads and writes. */
    public static final int SCHEMA_VERSION = 3;
    /** The version of a document without a DETENTION risk entry. */
    static final int WITHOUT_DETENTION = 2;
    /** The lowest version that describes {@code document}: 3 with a DETENTION risk entry, else 2. */
    public static int versionOf(SettlementDocument document) {
        boolean detention = document.statements() != null && document.statements().values().stream()
                .anyMatch(statement -> statement.riskEvents() != null && statement.riskEvents().stream()
                        .anyMatch(risk -> "DETENTION".equals(risk.kind())));
        return detention ? SCHEMA_VERSION : WITHOUT_DETENTION;
    }

    /** The document's name: its version sits in the header's {@code settlementSchemaVersion}. */
    public static final String DOCUMENT = "settlement";
    static final String SETTLED = "SETTLED";
    static final String EMPTY = "EMPTY";
    static final String REFUSED = "REFUSED";

    public record RefusalEntry(String reasonCode, String detail, String pointer) {
    }

    public record ResultEntry(String rule, long realisedTotal, long marketOptimum, long riskCostTotal, long finalTotal,
            List<String> remarks, StabilityEntry stability, List<MemberEntry> members) {
        SettledPeriod.Figures toFigures() {
            return new SettledPeriod.Figures(rule, realisedTotal, marketOptimum, riskCostTotal, finalTotal,
                    listOf(remarks), stability.exhaustive(), stability.blockingCount(), listOf(members).stream()
                            .map(member -> new SettledPeriod.MemberFigures(new PartnerId(member.member()),
                                    member.realisedGain(), member.fairShare(), member.transfer(), member.riskLoss(),
                                    member.riskRecovery(), member.riskCharge(), member.finalResult())).toList());
        }
    }

    public record StabilityEntry(boolean exhaustive, int blockingCount) {
    }

    public record MemberEntry(String member, long realisedGain, long fairShare, long transfer, long riskLoss,
            long riskRecovery, long riskCharge, long finalResult) {
    }

    public record LedgerEntry(long balance, List<PostingEntry> postings) {
        /** The ledger (its balance is its lines' sum, 0, so the stored one is not read back). */
        Ledger toLedger(String collaborationId, long periodIndex, Currency currency) {
            return new Ledger(collaborationId, periodIndex, currency, listOf(postings).stream()
                    .map(posting -> new Posting(posting.postingId(), Posting.Kind.valueOf(posting.kind()),
                            posting.reference(), posting.originalPeriod(), posting.adjustment(),
                            listOf(posting.lines()).stream().map(line -> new LedgerLine(line.lineId(),
                                    line.lineNumber(), Account.valueOf(line.account()),
                                    line.member() == null ? null : new PartnerId(line.member()),
                                    line.amountMinorUnits(), line.originalPeriod())).toList())).toList());
        }
    }

    public record PostingEntry(String postingId, String kind, String reference, long originalPeriod,
            boolean adjustment, List<LineEntry> lines) {
    }

    public record LineEntry(String lineId, int lineNumber, String account, String member, long amountMinorUnits,
            long originalPeriod) {
    }

    /** A member's statement, as the settlement function's API mapper rendered {@link Statement}. */
    public record StatementEntry(String collaborationId, long periodIndex, String startsAt, String endsAt,
            String currency, int agreementVersion, String rule, String member, List<BookingEntry> bookings,
            List<RiskEntry> riskEvents, long realisedGain, long fairShare, Double fairShareStandardError,
            long transfer, long riskLoss, long riskRecovery, long riskCharge, long finalResult, TotalsEntry totals,
            List<MemberFinalEntry> memberFinals, EmissionsEntry emissions) {
        Statement toStatement() {
            return new Statement(collaborationId, periodIndex, Instant.parse(startsAt), Instant.parse(endsAt),
                    currency, agreementVersion, rule, member, listOf(bookings).stream()
                            .map(booking -> new Statement.BookingEntry(booking.bookingId(), booking.originalPeriod(),
                                    booking.adjustment(), booking.role(), booking.realisedGain())).toList(),
                    listOf(riskEvents).stream().map(risk -> new Statement.RiskEntry(risk.bookingId(), risk.kind(),
                            risk.originalPeriod(), risk.adjustment(), risk.role(), risk.cost(), risk.loss(),
                            risk.recovery(), risk.charge())).toList(),
                    realisedGain, fairShare, fairShareStandardError, transfer, riskLoss, riskRecovery, riskCharge,
                    finalResult, new Statement.Totals(totals.realisedTotal(), totals.riskCostTotal(),
                            totals.finalTotal(), totals.stable(), totals.blockingCount()),
                    listOf(memberFinals).stream().map(other -> new Statement.MemberFinal(other.member(),
                            other.finalResult())).toList(), emissions == null ? null : emissions.toEmissions());
        }
    }

    /** A statement's emissions share (version 2), kg CO₂e as the statement has them. */
    public record EmissionsEntry(String status, String scope, String factorSetId, String factorSetVersion,
            String rule, Double shareKgCo2e, Double shareStandardErrorKgCo2e, double realisedTotalKgCo2e,
            double lanesOptimumKgCo2e, List<MemberEmissionsEntry> memberShares, CoreCheckEntry coreCheck,
            String reasonCode, String detail) {
        Statement.Emissions toEmissions() {
            return new Statement.Emissions(status, scope, new Statement.Method(factorSetId, factorSetVersion), rule,
                    shareKgCo2e,
                    shareStandardErrorKgCo2e, realisedTotalKgCo2e, lanesOptimumKgCo2e, listOf(memberShares).stream()
                            .map(share -> new Statement.MemberEmissions(share.member(), share.shareKgCo2e())).toList(),
                    coreCheck == null ? null : new Statement.EmissionsCoreCheck(coreCheck.stable(),
                            coreCheck.exhaustive(), coreCheck.coalitionsChecked(), coreCheck.blockingCount(),
                            listOf(coreCheck.blocking()).stream().map(blocking -> new Statement.BlockingCoalition(
                                    listOf(blocking.members()), blocking.valueKgCo2e(), blocking.allocatedKgCo2e(),
                                    blocking.gapKgCo2e())).toList()),
                    reasonCode, detail);
        }

        static EmissionsEntry of(Statement.Emissions emissions) {
            Statement.EmissionsCoreCheck check = emissions.coreCheck();
            return new EmissionsEntry(emissions.status(), emissions.scope(), emissions.emissionsMethod().factorSet(),
                    emissions.emissionsMethod().version(), emissions.rule(), emissions.shareKgCo2e(),
                    emissions.shareStandardErrorKgCo2e(), emissions.realisedTotalKgCo2e(),
                    emissions.lanesOptimumKgCo2e(), emissions.memberShares().stream().map(share ->
                            new MemberEmissionsEntry(share.member(), share.shareKgCo2e())).toList(),
                    check == null ? null : new CoreCheckEntry(check.stable(), check.exhaustive(),
                            check.coalitionsChecked(), check.blockingCount(), check.blocking().stream().map(blocking ->
                                    new BlockingEntry(blocking.members(), blocking.valueKgCo2e(),
                                            blocking.allocatedKgCo2e(), blocking.gapKgCo2e())).toList()),
                    emissions.reasonCode(), emissions.detail());
        }
    }

    public record MemberEmissionsEntry(String member, double shareKgCo2e) {
    }

    public record CoreCheckEntry(boolean stable, boolean exhaustive, long coalitionsChecked, int blockingCount,
            List<BlockingEntry> blocking) {
    }

    public record BlockingEntry(List<String> members, double valueKgCo2e, double allocatedKgCo2e, double gapKgCo2e) {
    }

    public record BookingEntry(String bookingId, long originalPeriod, boolean adjustment, String role,
            long realisedGain) {
    }

    public record RiskEntry(String bookingId, String kind, long originalPeriod, boolean adjustment, String role,
            long cost, long loss, long recovery, long charge) {
    }

    public record TotalsEntry(long realisedTotal, long riskCostTotal, long finalTotal, boolean stable,
            int blockingCount) {
    }

    public record MemberFinalEntry(String member, long finalResult) {
    }

    // ---- from the domain

    public static SettlementDocument of(SettledPeriod period) {
        List<RefusalEntry> refusal = null;
        ResultEntry result = null;
        LedgerEntry ledger = null;
        Map<String, StatementEntry> statements = null;
        String outcome;
        switch (period.outcome()) {
            case SettledPeriod.Empty empty -> outcome = EMPTY;
            case SettledPeriod.Refused refused -> {
                outcome = REFUSED;
                refusal = refused.reasons().stream().map(reason -> new RefusalEntry(reason.reasonCode(),
                        reason.detail(), reason.field())).toList();
            }
            case SettledPeriod.Settled settled -> {
                outcome = SETTLED;
                result = result(settled.figures());
                ledger = ledger(settled.ledger());
                statements = new LinkedHashMap<>();
                for (var entry : settled.statements().entrySet()) {
                    statements.put(entry.getKey().value(), statement(entry.getValue()));
                }
            }
        }
        return new SettlementDocument(period.collaborationId(), period.periodIndex(), period.startsAt().toString(),
                period.endsAt().toString(), period.closesAt().toString(), period.agreementVersion(),
                period.currency().getCurrencyCode(), period.members().stream().map(PartnerId::value).toList(),
                outcome, refusal, result, ledger, statements, period.settledBookings());
    }

    private static ResultEntry result(SettledPeriod.Figures figures) {
        return new ResultEntry(figures.rule(), figures.realisedTotal(), figures.marketOptimum(),
                figures.riskCostTotal(), figures.finalTotal(), figures.remarks(),
                new StabilityEntry(figures.exhaustive(), figures.blockingCount()),
                figures.members().stream().map(member -> new MemberEntry(member.member().value(),
                        member.realisedGain(), member.fairShare(), member.transfer(), member.riskLoss(),
                        member.riskRecovery(), member.riskCharge(), member.finalResult())).toList());
    }

    private static LedgerEntry ledger(Ledger ledger) {
        return new LedgerEntry(ledger.balance(), ledger.postings().stream().map(posting -> new PostingEntry(
                posting.id(), posting.kind().name(), posting.reference(), posting.originalPeriod(),
                posting.adjustment(), posting.lines().stream().map(line -> new LineEntry(line.id(), line.lineNumber(),
                        line.account().name(), line.member() == null ? null : line.member().value(),
                        line.amountMinorUnits(), line.originalPeriod())).toList())).toList());
    }

    private static StatementEntry statement(Statement statement) {
        return new StatementEntry(statement.collaborationId(), statement.periodIndex(),
                statement.startsAt().toString(), statement.endsAt().toString(), statement.currency(),
                statement.agreementVersion(), statement.rule(), statement.member(),
                statement.bookings().stream().map(booking -> new BookingEntry(booking.bookingId(),
                        booking.originalPeriod(), booking.adjustment(), booking.role(), booking.realisedGain()))
                        .toList(),
                statement.riskEvents().stream().map(risk -> new RiskEntry(risk.bookingId(), risk.kind(),
                        risk.originalPeriod(), risk.adjustment(), risk.role(), risk.cost(), risk.loss(),
                        risk.recovery(), risk.charge())).toList(),
                statement.realisedGain(), statement.fairShare(), statement.fairShareStandardError(),
                statement.transfer(), statement.riskLoss(), statement.riskRecovery(), statement.riskCharge(),
                statement.finalResult(), new TotalsEntry(statement.totals().realisedTotal(),
                        statement.totals().riskCostTotal(), statement.totals().finalTotal(),
                        statement.totals().stable(), statement.totals().blockingCount()),
                statement.memberFinals().stream().map(other -> new MemberFinalEntry(other.member(),
                        other.finalResult())).toList(),
                statement.emissions() == null ? null : EmissionsEntry.of(statement.emissions()));
    }

    // ---- to the domain

    public SettledPeriod toSettledPeriod() {
        Currency money = Currency.getInstance(currency);
        SettledPeriod.Outcome read = switch (outcome) {
            case EMPTY -> new SettledPeriod.Empty();
            case REFUSED -> new SettledPeriod.Refused(listOf(refusal).stream().map(reason -> new Decision.Rejected(
                    reason.reasonCode(), reason.detail(), reason.pointer())).toList());
            case SETTLED -> {
                Map<PartnerId, Statement> byMember = new LinkedHashMap<>();
                if (statements != null) {
                    statements.forEach((member, statement) -> byMember.put(new PartnerId(member),
                            statement.toStatement()));
                }
                yield new SettledPeriod.Settled(result.toFigures(), ledger.toLedger(collaborationId, periodIndex,
                        money), byMember);
            }
            default -> throw new IllegalStateException("the settlement of period " + periodIndex + " of "
                    + collaborationId + " has an unknown outcome " + outcome);
        };
        return new SettledPeriod(collaborationId, periodIndex, Instant.parse(startsAt), Instant.parse(endsAt),
                Instant.parse(closesAt), agreementVersion, money, listOf(members).stream().map(PartnerId::new)
                        .toList(), read, listOf(settledBookings));
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ---- JSON

    /** The document as stored, before gzip: its JSON, UTF-8. */
    public byte[] toJsonBytes() {
        try {
            return StoredDocument.MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("a settlement document always serialises", e);
        }
    }

    public static SettlementDocument fromJsonBytes(byte[] json) {
        try {
            return StoredDocument.MAPPER.readValue(json, SettlementDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("the stored settlement document does not read: " + e.getMessage(), e);
        }
    }
}
