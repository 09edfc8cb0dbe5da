package com.backhaulexchange.benchmarks.allocation;

import com.backhaulexchange.settlement.allocation.AssignmentMarket;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.matching.assignment.Assignment;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.RealisedBooking;
import com.backhaulexchange.settlement.RiskEvent;
import com.backhaulexchange.settlement.SettlementInputs;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/**
 * A period to settle from a collaboration book: the members delivered the grand coalition's optimal
 * matching (so the realised total R equals the market optimum M), each booking's agreed rate splitting its
 * surplus 30–70 % between carrier and shipper (seeded), plus one TONU (member 0's cancellation costs member
 * 1 USD 250). Weekly USD agreement starting on the period's first day, full pooling, at-fault risk capped at
 * USD 100 a member.
 */
record SettlementCase(SettlementInputs inputs, Agreement agreement) {
    static final Currency USD = Currency.getInstance("USD");
    static final long TONU_FEE = 25_000;
    static final long RISK_CAP = 10_000;

    static SettlementCase of(AllocationBook book, AssignmentMarket market, LocalDate periodStart,
            AllocationRuleName rule, long seed) {
        Agreement agreement = new Agreement(1, rule, Agreement.FULL_POOLING_BASIS_POINTS,
                new RiskTerms.AtFaultCapped(new Money(RISK_CAP, USD)), PeriodKind.WEEKLY, USD, periodStart);
        var period = agreement.schedule().period(0);
        Random random = new Random(seed);
        List<RealisedBooking> bookings = new ArrayList<>();
        int number = 0;
        for (Assignment.Pair matched : market.priced().assignment().pairs()) {
            AllocationBook.Pair pair = book.pairs().stream()
                    .filter(p -> p.capacity() == matched.row() && p.load() == matched.column()).findFirst()
                    .orElseThrow();
            long carrierShare = Math.round(pair.surplus() * (0.3 + 0.4 * random.nextDouble()));
            long agreed = pair.carrierIncrementalCost() + carrierShare;
            PartnerId carrier = book.members().get(book.capacityOwner(pair.capacity()));
            PartnerId shipper = book.members().get(book.loadOwner(pair.load()));
            bookings.add(new RealisedBooking(bookingId(seed, ++number), pair.pickupAt(), carrier, shipper,
                    new Money(agreed - pair.carrierIncrementalCost(), USD), new Money(pair.shipperPrice() - agreed, USD)));
        }
        List<RiskEvent> risks = new ArrayList<>();
        if (book.size() > 1) {
            risks.add(new RiskEvent(bookingId(seed, ++number), RiskEvent.Kind.TONU,
                    period.startsAt().plusSeconds(36 * 3_600), book.members().get(0), book.members().get(1),
                    new Money(TONU_FEE, USD)));
        }
        var inputs = new SettlementInputs("collaboration-" + book.size() + "-" + seed, period, book.members(),
                bookings, risks, market);
        return new SettlementCase(inputs, agreement);
    }

    private static BookingId bookingId(long seed, int number) {
        return new BookingId(String.format("01BKNG%06d%014d", Math.floorMod(seed, 1_000_000), number));
    }
}
