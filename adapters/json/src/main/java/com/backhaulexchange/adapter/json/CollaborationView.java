package com.backhaulexchange.adapter.json;

import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AgreementVersion;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.Member;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.settlement.collaboration.SettlementPeriod;
import java.time.Instant;
import java.util.List;

/**
 * A collaboration as the API shows it (the {@code Collaboration} schema), with the same field names as the
 * request bodies, so a pointer means the same everywhere; {@link #seenBy} adds the caller's own standing and
 * the period running at the time of reading.
 */
public record CollaborationView(
        String collaborationId,
        String name,
        String organiserPartnerId,
        String organiserRole,
        List<MemberView> members,
        List<AgreementVersionView> agreements,
        YouView you,
        CurrentPeriodView currentPeriod) {

    /** The collaboration alone, without a reader. */
    public static CollaborationView of(Collaboration collaboration) {
        return new CollaborationView(collaboration.id(), collaboration.name(), collaboration.creator().value(),
                collaboration.creatorRole().name(), collaboration.members().stream().map(MemberView::of).toList(),
                collaboration.agreements().stream().map(AgreementVersionView::of).toList(), null, null);
    }

    /** The collaboration as {@code viewer} reads it at {@code now}: its standing, and the period then running. */
    public static CollaborationView seenBy(Collaboration collaboration, PartnerId viewer, Instant now) {
        CollaborationView view = of(collaboration);
        YouView you = new YouView(viewer.value(), collaboration.creator().equals(viewer),
                collaboration.member(viewer).map(member -> member.status().name()).orElse(null));
        var schedule = collaboration.schedule();
        CurrentPeriodView current = schedule.hasStarted(now)
                ? CurrentPeriodView.of(schedule.periodAt(now), collaboration) : null;
        return new CollaborationView(view.collaborationId, view.name, view.organiserPartnerId, view.organiserRole,
                view.members, view.agreements, you, current);
    }

    public record MemberView(String partnerId, String status, Long joinsAtPeriod, Long leavesAfterPeriod) {
        static MemberView of(Member member) {
            return new MemberView(member.partner().value(), member.status().name(), member.joinsAtPeriod(),
                    member.leavesAfterPeriod());
        }
    }

    public record AgreementVersionView(long appliesFromPeriod, AgreementView agreement) {
        static AgreementVersionView of(AgreementVersion version) {
            return new AgreementVersionView(version.appliesFromPeriod(), AgreementView.of(version.agreement()));
        }
    }

    /** The caller's standing: who it is, whether it organises, and its membership when it has one. */
    public record YouView(String partnerId, boolean organiser, String memberStatus) {
    }

    /** The settlement period running at the time of reading, with the agreement that applies to it. */
    public record CurrentPeriodView(long index, String startsAt, String endsAt, String closesAt,
            AgreementView agreement) {
        static CurrentPeriodView of(SettlementPeriod period, Collaboration collaboration) {
            return new CurrentPeriodView(period.index(), period.startsAt().toString(), period.endsAt().toString(),
                    period.closesAt().toString(), AgreementView.of(collaboration.agreementFor(period.index())));
        }
    }

    /** An agreement as the request bodies write it (the {@code Agreement} schema). */
    public record AgreementView(int version, String rule, int pooledShareBasisPoints, RiskTermsView riskTerms,
            String periodKind, String currency, String startDate) {
        public static AgreementView of(Agreement agreement) {
            return new AgreementView(agreement.version(), agreement.rule().name(), agreement.pooledShareBasisPoints(),
                    RiskTermsView.of(agreement.riskTerms()), agreement.periodKind().name(),
                    agreement.currency().getCurrencyCode(), agreement.startDate().toString());
        }
    }

    /** The risk terms: their kind and, when capped, the cap per member and period. */
    public record RiskTermsView(String kind, MoneyView perMemberCapPerPeriod) {
        static RiskTermsView of(RiskTerms terms) {
            return switch (terms) {
                case RiskTerms.AtFaultCapped capped -> new RiskTermsView(CollaborationJson.AT_FAULT_CAPPED,
                        MoneyView.of(capped.perMemberCapPerPeriod()));
                case RiskTerms.SharedFromFirstCent shared ->
                        new RiskTermsView(CollaborationJson.SHARED_FROM_FIRST_CENT, null);
            };
        }
    }
}
