package com.backhaulexchange.deal.negotiation;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.OTHER_NEGOTIATION_ID;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.REVOKED_BROKER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.STRANGER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.broker;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.openedByShipper;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.party;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever commands arrive, by whomever, in whatever order and at whatever time, the invariants hold. */
class NegotiationPropertiesTest {

    enum Kind { COUNTER, ACCEPT, REJECT, WITHDRAW, EXPIRE, SUPERSEDE }

    enum Who { PARTY, BROKER, REVOKED_BROKER, STRANGER }

    /** A command: what, for which side, by whom, minutes after the previous one, amount, expiry offset. */
    record Step(Kind kind, Side side, Who who, int minutesLater, long cents, int expiresInMinutes,
            boolean autoAcceptAtAmount) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.of(Side.class), Arbitraries.of(Who.class),
                        Arbitraries.integers().between(0, 200), Arbitraries.longs().between(-10, 300_000),
                        Arbitraries.integers().between(-30, 600), Arbitraries.integers().between(0, 9))
                .as((kind, side, who, minutes, cents, expires, auto) -> new Step(kind, side, who, minutes, cents,
                        expires, auto == 0));
    }

    private static ActingPartner actor(Step step) {
        return switch (step.who()) {
            case PARTY -> party(step.side());
            case BROKER -> broker(step.side());
            case REVOKED_BROKER -> REVOKED_BROKER;
            case STRANGER -> STRANGER;
        };
    }

    private static Outcome<Negotiation, NegotiationEvent> apply(Negotiation negotiation, Step step, Instant now) {
        var terms = new OfferTerms(usd(step.cents()), AccessorialTerms.usualUsd(),
                now.plus(Duration.ofMinutes(step.expiresInMinutes())), null);
        var autoAccept = step.autoAcceptAtAmount()
                ? new AutoAcceptPrices(usd(step.cents()), usd(step.cents())) : AutoAcceptPrices.NONE;
        return switch (step.kind()) {
            case COUNTER -> negotiation.counter(step.side(), actor(step), terms, autoAccept, now);
            case ACCEPT -> negotiation.accept(step.side(), actor(step), now);
            case REJECT -> negotiation.reject(step.side(), actor(step), now);
            case WITHDRAW -> negotiation.withdraw(step.side(), actor(step), now);
            case EXPIRE -> negotiation.expire(now);
            case SUPERSEDE -> negotiation.supersede(OTHER_NEGOTIATION_ID, now);
        };
    }

    /** Every state a sequence of steps passes through, the opened one first. */
    private static List<Negotiation> run(int maxRounds, List<Step> steps) {
        Negotiation negotiation = openedByShipper(NegotiationRules.DEFAULT.withMaxRounds(maxRounds));
        List<Negotiation> states = new ArrayList<>(List.of(negotiation));
        Instant now = NOW;
        for (Step step : steps) {
            now = now.plus(Duration.ofMinutes(step.minutesLater()));
            var outcome = apply(negotiation, step, now);
            if (outcome instanceof Outcome.Changed<Negotiation, NegotiationEvent> changed) {
                assertThat(changed.state().history()).startsWith(negotiation.history().toArray(NegotiationEvent[]::new));
                assertThat(changed.state().history()).hasSize(negotiation.history().size() + changed.events().size());
                negotiation = changed.state();
            } else if (outcome instanceof Outcome.Unchanged<Negotiation, NegotiationEvent> unchanged) {
                assertThat(unchanged.state()).isSameAs(negotiation);
            }
            states.add(negotiation);
        }
        return states;
    }

    @Property(tries = 500)
    @Label("a negotiation is agreed at most once, and a closed negotiation never changes status")
    void agreedAtMostOnceAndClosedIsFinal(@ForAll @IntRange(min = 1, max = 8) int maxRounds,
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("steps") Step> steps) {
        List<Negotiation> states = run(maxRounds, steps);
        Negotiation last = states.get(states.size() - 1);

        long agreements = last.history().stream().filter(event -> event instanceof NegotiationEvent.OfferAccepted
                || event instanceof NegotiationEvent.OfferAutoAccepted).count();
        assertThat(agreements).isLessThanOrEqualTo(1);
        assertThat(agreements == 1).isEqualTo(last.status() == NegotiationStatus.AGREED);
        for (int i = 1; i < states.size(); i++) {
            if (states.get(i - 1).status().isClosed()) {
                assertThat(states.get(i)).isSameAs(states.get(i - 1));
            }
        }
        long closings = last.history().stream().filter(event -> !(event instanceof NegotiationEvent.OfferMade))
                .count();
        assertThat(closings).isEqualTo(last.status().isClosed() ? 1 : 0);
    }

    @Property(tries = 500)
    @Label("the history is numbered without gaps and never goes back in time")
    void historyIsOrdered(@ForAll @IntRange(min = 1, max = 8) int maxRounds,
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("steps") Step> steps) {
        Negotiation last = run(maxRounds, steps).getLast();
        List<NegotiationEvent> history = last.history();
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).sequence()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(history.get(i).at()).isAfterOrEqualTo(history.get(i - 1).at());
            }
        }
    }

    @Property(tries = 500)
    @Label("offers alternate sides, count rounds from 1 and never exceed the rounds limit")
    void offersAlternateWithinTheLimit(@ForAll @IntRange(min = 1, max = 8) int maxRounds,
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("steps") Step> steps) {
        Negotiation last = run(maxRounds, steps).getLast();
        List<Offer> offers = last.offers();
        assertThat(offers).hasSizeLessThanOrEqualTo(maxRounds);
        for (int i = 0; i < offers.size(); i++) {
            assertThat(offers.get(i).round()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(offers.get(i).author()).isEqualTo(offers.get(i - 1).author().other());
                assertThat(offers.get(i).offeredAt()).isBefore(offers.get(i - 1).expiresAt());
            }
            assertThat(offers.get(i).amount().amountMinorUnits()).isPositive();
        }
        assertThat(last.history().stream().filter(event -> event instanceof NegotiationEvent.OfferMade).count())
                .isEqualTo(offers.size());
    }

    @Property(tries = 300)
    @Label("no one but the two parties and their delegated brokers ever changes a negotiation")
    void onlyPartiesAndTheirBrokersAct(@ForAll @Size(max = 30) List<@net.jqwik.api.From("steps") Step> steps) {
        Negotiation last = run(6, steps).getLast();
        for (NegotiationEvent event : last.history()) {
            if (event.actor() instanceof Actor.Party actor) {
                assertThat(actor.partner()).isIn(party(actor.side()).id(), broker(actor.side()).id());
            }
        }
    }
}
