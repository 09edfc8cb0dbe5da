package com.backhaulexchange.settlement;

import com.backhaulexchange.partner.PartnerId;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The double-entry ledger of one settled period: postings in a fixed order (realised gains, then risk
 * events, each by original period then booking id; then the pool transfers), every posting balanced, so the
 * whole ledger sums to zero. Ids are name-based UUIDs of (collaboration, period, posting reference, line), so
 * the same inputs always produce the identical ledger: a re-run writes the same items, which is what
 * exactly-once in effect rests on (conditional puts on these ids).
 */
public record Ledger(String collaborationId, long periodIndex, Currency currency, List<Posting> postings) {

    public Ledger {
        Objects.requireNonNull(collaborationId, "collaborationId");
        Objects.requireNonNull(currency, "currency");
        postings = List.copyOf(postings);
    }

    public List<LedgerLine> lines() {
        return postings.stream().flatMap(posting -> posting.lines().stream()).toList();
    }

    /** The sum of every line: always 0. */
    public long balance() {
        return lines().stream().mapToLong(LedgerLine::amountMinorUnits).sum();
    }

    /** The sum of a member's lines: its final result for the period. */
    public long memberTotal(PartnerId member) {
        return lines().stream().filter(line -> member.equals(line.member()))
                .mapToLong(LedgerLine::amountMinorUnits).sum();
    }

    public long accountTotal(Account account, PartnerId member) {
        return lines().stream().filter(line -> line.account() == account && Objects.equals(member, line.member()))
                .mapToLong(LedgerLine::amountMinorUnits).sum();
    }

    static String postingId(String collaborationId, long periodIndex, Posting.Kind kind, String reference) {
        return nameUuid(collaborationId + "|" + periodIndex + "|" + kind + "|" + reference);
    }

    static String lineId(String postingId, int lineNumber) {
        return nameUuid(postingId + "|" + lineNumber);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
