package com.backhaulexchange.settlement;

import com.backhaulexchange.settlement.allocation.AssignmentMarket;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.settlement.collaboration.SettlementPeriod;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Members A < B < C (by id), a weekly USD agreement starting Wednesday 7 January 2026. */
final class SettlementExamples {

    static final PartnerId A = new PartnerId("01JDPRTA000000000000000001");
    static final PartnerId B = new PartnerId("01JDPRTB000000000000000002");
    static final PartnerId C = new PartnerId("01JDPRTC000000000000000003");
    static final Currency USD = Currency.getInstance("USD");
    static final LocalDate START = LocalDate.of(2026, 1, 7);
    static final String COLLABORATION = "col-1";

    private SettlementExamples() {
    }

    static Money usd(long cents) {
        return new Money(cents, USD);
    }

    static Agreement agreement(AllocationRuleName rule, int basisPoints, RiskTerms risk) {
        return new Agreement(1, rule, basisPoints, risk, PeriodKind.WEEKLY, USD, START);
    }

    static SettlementPeriod period(int index) {
        return agreement(AllocationRuleName.SHAPLEY, 0, new RiskTerms.SharedFromFirstCent()).schedule().period(index);
    }

    /** A moment inside period {@code index}: its start plus {@code hours}. */
    static Instant in(int index, int hours) {
        return period(index).startsAt().plusSeconds(hours * 3_600L);
    }

    static BookingId booking(int number) {
        return new BookingId(String.format("01JDBKNG%018d", number));
    }

    static RealisedBooking delivered(int number, Instant pickup, PartnerId carrier, PartnerId shipper,
            long carrierGain, long shipperGain) {
        return new RealisedBooking(booking(number), pickup, carrier, shipper, usd(carrierGain), usd(shipperGain));
    }

    /** Two members: A's truck, B's load, worth 1,000 together and nothing apart. */
    static AssignmentMarket pairMarket() {
        AssignmentMarket.Builder market = AssignmentMarket.builder(2);
        int truck = market.capacityLane(0);
        int load = market.loadLane(1);
        market.surplus(truck, load, 1_000);
        return market.build();
    }

    /**
     * Three members: A's two trucks, B's load (600 with truck 0) and C's load (400 with truck 1):
     * v(AB) = 600, v(AC) = 400, v(ABC) = 1,000, everything else 0. Shapley: A 500, B 300, C 200.
     */
    static AssignmentMarket threeMarket() {
        AssignmentMarket.Builder market = AssignmentMarket.builder(3);
        int truck0 = market.capacityLane(0);
        int truck1 = market.capacityLane(0);
        int loadB = market.loadLane(1);
        int loadC = market.loadLane(2);
        market.surplus(truck0, loadB, 600);
        market.surplus(truck1, loadC, 400);
        return market.build();
    }

    /** The three-member period 0: A–B booking (A +400, B +200), A–C booking (A +100, C +300); R = 1,000. */
    static SettlementInputs threeMembers(List<RiskEvent> risks) {
        return new SettlementInputs(COLLABORATION, period(0), List.of(A, B, C),
                List.of(delivered(1, in(0, 10), A, B, 400, 200), delivered(2, in(0, 30), A, C, 100, 300)), risks,
                threeMarket());
    }

    /** C (shipper) cancelled a booking with A inside the TONU window: A is owed 250. */
    static RiskEvent tonu(int number, Instant pickup, long fee) {
        return new RiskEvent(booking(number), RiskEvent.Kind.TONU, pickup, C, A, usd(fee));
    }
}
