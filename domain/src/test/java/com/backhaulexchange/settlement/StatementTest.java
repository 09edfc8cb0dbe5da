package com.backhaulexchange.settlement;

import static com.backhaulexchange.settlement.SettlementExamples.A;
import static com.backhaulexchange.settlement.SettlementExamples.B;
import static com.backhaulexchange.settlement.SettlementExamples.C;
import static com.backhaulexchange.settlement.SettlementExamples.agreement;
import static com.backhaulexchange.settlement.SettlementExamples.in;
import static com.backhaulexchange.settlement.SettlementExamples.threeMembers;
import static com.backhaulexchange.settlement.SettlementExamples.tonu;
import static com.backhaulexchange.settlement.SettlementExamples.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementTest {

    static final SettlementInputs INPUTS = threeMembers(List.of(tonu(3, in(0, 50), 250)));
    static final SettlementResult RESULT = PeriodSettlement.settle(INPUTS,
            agreement(AllocationRuleName.SHAPLEY, 10_000, new RiskTerms.AtFaultCapped(usd(100)))).orElseThrow();

    @Test
    void aMembersStatementShowsOnlyItsOwnBookingsAndTheRiskEventsItPaysFor() {
        Statement statement = Statement.of(RESULT, INPUTS, B);

        assertThat(statement.bookings()).extracting(Statement.BookingEntry::bookingId,
                Statement.BookingEntry::role, Statement.BookingEntry::realisedGain)
                .containsExactly(tuple(SettlementExamples.booking(1).value(), "SHIPPER", 200L));
        assertThat(statement.riskEvents()).extracting(Statement.RiskEntry::role, Statement.RiskEntry::charge)
                .containsExactly(tuple("SHARING", 50L));
        assertThat(statement.finalResult()).isEqualTo(250);
        assertThat(statement.memberFinals()).extracting(Statement.MemberFinal::finalResult)
                .containsExactly(450L, 250L, 50L);
        assertThat(statement.totals().finalTotal()).isEqualTo(750);
        assertThat(statement.toCsv()).doesNotContain(SettlementExamples.booking(2).value());
    }

    @Test
    void theStatementReconcilesWithTheLedger() {
        for (var member : List.of(A, B, C)) {
            Statement statement = Statement.of(RESULT, INPUTS, member);
            assertThat(statement.finalResult()).isEqualTo(RESULT.ledger().memberTotal(member));
            assertThat(statement.realisedGain() + statement.transfer() - statement.riskLoss()
                    + statement.riskRecovery() - statement.riskCharge()).isEqualTo(statement.finalResult());
        }
    }

    @Test
    void theAtFaultAndAffectedMembersSeeTheirRolesInTheRiskEvent() {
        assertThat(Statement.of(RESULT, INPUTS, A).riskEvents()).extracting(Statement.RiskEntry::role,
                Statement.RiskEntry::loss, Statement.RiskEntry::recovery, Statement.RiskEntry::charge)
                .containsExactly(tuple("AFFECTED", 250L, 250L, 50L));
        assertThat(Statement.of(RESULT, INPUTS, C).riskEvents()).extracting(Statement.RiskEntry::role,
                Statement.RiskEntry::charge).containsExactly(tuple("AT_FAULT", 150L));
    }

    @Test
    void theCsvHasAHeaderCrlfLineEndsAndOneRowPerFigure() {
        String csv = Statement.of(RESULT, INPUTS, B).toCsv();

        assertThat(csv).startsWith("section,reference,period,role,item,value\r\n");
        assertThat(csv).contains("booking," + SettlementExamples.booking(1).value() + ",0,SHIPPER,realisedGain,200\r\n");
        assertThat(csv).contains("result,,0,,finalResult,250\r\n");
        assertThat(csv).contains("member," + C.value() + ",0,,finalResult,50\r\n");
        assertThat(csv).endsWith("\r\n").doesNotContain("\n\n");
    }

    @Test
    void csvFieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Statement.field("plain")).isEqualTo("plain");
        assertThat(Statement.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Statement.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Statement.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }
}
