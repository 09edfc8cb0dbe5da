package com.backhaulexchange.deal.negotiation;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_BROKER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.DELEGATE_WITHOUT_BROKER_ROLE;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.OTHER_NEGOTIATION_ID;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.REVOKED_BROKER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER_BROKER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.STRANGER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.UNDELEGATED_BROKER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.openedByShipper;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state × command × actor) of a negotiation and its exact outcome. The expectations come from two
 * tables written out by hand below: who may act (the same in every state: it is checked first), and what
 * each state does with each command by the offer's author or its receiver. Outcomes are written
 * {@code →STATUS} (changed to STATUS), {@code =} (unchanged, idempotent) or {@code !REASON} (refused).
 *
 * <p>Each state has the carrier's counter-offer (round 2, expiring at {@link #OFFER_EXPIRES}) as the latest
 * offer: the carrier is its author, the shipper its receiver.
 */
class NegotiationTransitionTableTest {

    static final Instant OFFER_EXPIRES = NOW.plus(Duration.ofHours(5));
    static final Instant BEFORE_EXPIRY = NOW.plus(Duration.ofHours(2));
    static final Instant AFTER_EXPIRY = NOW.plus(Duration.ofHours(6));

    enum State { OPEN, OPEN_OFFER_LAPSED, OPEN_LAST_ROUND, AGREED, REJECTED, WITHDRAWN, EXPIRED, ROUNDS_EXHAUSTED,
        SUPERSEDED }

    enum Command { COUNTER, ACCEPT, REJECT, WITHDRAW, EXPIRE, SUPERSEDE }

    /** Who acts, for which side; the role it plays in the state tables when it may act. */
    enum Acting {
        AUTHOR_PARTY(CARRIER_PARTY, Side.CARRIER, "AUTHOR"),
        AUTHOR_BROKER(CARRIER_BROKER, Side.CARRIER, "AUTHOR"),
        RECEIVER_PARTY(SHIPPER_PARTY, Side.SHIPPER, "RECEIVER"),
        RECEIVER_BROKER(SHIPPER_BROKER, Side.SHIPPER, "RECEIVER"),
        CARRIER_CLAIMING_SHIPPER_SIDE(CARRIER_PARTY, Side.SHIPPER, "!NOT_YOUR_SIDE"),
        SHIPPER_CLAIMING_CARRIER_SIDE(SHIPPER_PARTY, Side.CARRIER, "!NOT_YOUR_SIDE"),
        CARRIER_BROKER_CLAIMING_SHIPPER_SIDE(CARRIER_BROKER, Side.SHIPPER, "!DELEGATION_MISSING"),
        BROKER_WITHOUT_DELEGATION(UNDELEGATED_BROKER, Side.SHIPPER, "!NOT_A_PARTY"),
        BROKER_WITH_REVOKED_DELEGATION(REVOKED_BROKER, Side.CARRIER, "!NOT_A_PARTY"),
        DELEGATE_NOT_A_BROKER(DELEGATE_WITHOUT_BROKER_ROLE, Side.SHIPPER, "!NOT_A_BROKER"),
        STRANGER_FOR_CARRIER(STRANGER, Side.CARRIER, "!NOT_A_PARTY"),
        STRANGER_FOR_SHIPPER(STRANGER, Side.SHIPPER, "!NOT_A_PARTY");

        final ActingPartner partner;
        final Side side;
        final String roleOrRefusal;

        Acting(ActingPartner partner, Side side, String roleOrRefusal) {
            this.partner = partner;
            this.side = side;
            this.roleOrRefusal = roleOrRefusal;
        }
    }

    /** state → command → {by the author, by the receiver} (EXPIRE and SUPERSEDE have no actor: one entry). */
    static final Map<State, Map<Command, List<String>>> STATE_TABLE = Map.of(
            State.OPEN, Map.of(
                    Command.COUNTER, List.of("!NOT_YOUR_TURN", "→OPEN"),
                    Command.ACCEPT, List.of("!NOT_YOUR_TURN", "→AGREED"),
                    Command.REJECT, List.of("!NOT_YOUR_TURN", "→REJECTED"),
                    Command.WITHDRAW, List.of("→WITHDRAWN", "!NOT_YOUR_OFFER"),
                    Command.EXPIRE, List.of("!OFFER_NOT_EXPIRED"),
                    Command.SUPERSEDE, List.of("→SUPERSEDED")),
            State.OPEN_OFFER_LAPSED, Map.of(
                    Command.COUNTER, List.of("!NOT_YOUR_TURN", "!OFFER_EXPIRED"),
                    Command.ACCEPT, List.of("!NOT_YOUR_TURN", "!OFFER_EXPIRED"),
                    Command.REJECT, List.of("!NOT_YOUR_TURN", "!OFFER_EXPIRED"),
                    Command.WITHDRAW, List.of("!OFFER_EXPIRED", "!NOT_YOUR_OFFER"),
                    Command.EXPIRE, List.of("→EXPIRED"),
                    Command.SUPERSEDE, List.of("→SUPERSEDED")),
            State.OPEN_LAST_ROUND, Map.of(
                    Command.COUNTER, List.of("!NOT_YOUR_TURN", "!ROUNDS_EXHAUSTED"),
                    Command.ACCEPT, List.of("!NOT_YOUR_TURN", "→AGREED"),
                    Command.REJECT, List.of("!NOT_YOUR_TURN", "→ROUNDS_EXHAUSTED"),
                    Command.WITHDRAW, List.of("→WITHDRAWN", "!NOT_YOUR_OFFER"),
                    Command.EXPIRE, List.of("!OFFER_NOT_EXPIRED"),
                    Command.SUPERSEDE, List.of("→SUPERSEDED")),
            State.AGREED, Map.of(
                    Command.COUNTER, List.of("!NEGOTIATION_CLOSED", "!NEGOTIATION_CLOSED"),
                    Command.ACCEPT, List.of("!ALREADY_AGREED", "!ALREADY_AGREED"),
                    Command.REJECT, List.of("!NEGOTIATION_CLOSED", "!NEGOTIATION_CLOSED"),
                    Command.WITHDRAW, List.of("!NEGOTIATION_CLOSED", "!NEGOTIATION_CLOSED"),
                    Command.EXPIRE, List.of("!NEGOTIATION_CLOSED"),
                    Command.SUPERSEDE, List.of("!NEGOTIATION_CLOSED")),
            State.REJECTED, closed("!NEGOTIATION_CLOSED", "!NEGOTIATION_CLOSED"),
            State.WITHDRAWN, closed("!NEGOTIATION_CLOSED", "!NEGOTIATION_CLOSED"),
            State.EXPIRED, closed("=", "!NEGOTIATION_CLOSED"),
            State.ROUNDS_EXHAUSTED, closed("!NEGOTIATION_CLOSED", "!NEGOTIATION_CLOSED"),
            State.SUPERSEDED, closed("!NEGOTIATION_CLOSED", "="));

    private static Map<Command, List<String>> closed(String expire, String supersede) {
        List<String> refused = List.of("!NEGOTIATION_CLOSED", "!NEGOTIATION_CLOSED");
        return Map.of(Command.COUNTER, refused, Command.ACCEPT, refused, Command.REJECT, refused,
                Command.WITHDRAW, refused, Command.EXPIRE, List.of(expire), Command.SUPERSEDE, List.of(supersede));
    }

    static Stream<Arguments> everyStateCommandAndActor() {
        List<Arguments> cases = new ArrayList<>();
        for (State state : State.values()) {
            for (Command command : Command.values()) {
                if (command == Command.EXPIRE || command == Command.SUPERSEDE) {
                    cases.add(Arguments.of(state, command, null, STATE_TABLE.get(state).get(command).get(0)));
                    continue;
                }
                for (Acting acting : Acting.values()) {
                    String expected = switch (acting.roleOrRefusal) {
                        case "AUTHOR" -> STATE_TABLE.get(state).get(command).get(0);
                        case "RECEIVER" -> STATE_TABLE.get(state).get(command).get(1);
                        default -> acting.roleOrRefusal;
                    };
                    cases.add(Arguments.of(state, command, acting, expected));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} by {2}: {3}")
    @MethodSource("everyStateCommandAndActor")
    void everyTransitionHasExactlyItsOutcome(State state, Command command, Acting acting, String expected) {
        Negotiation before = negotiationIn(state);
        Instant now = state == State.OPEN_OFFER_LAPSED || state == State.EXPIRED ? AFTER_EXPIRY : BEFORE_EXPIRY;

        Outcome<Negotiation, NegotiationEvent> outcome = run(before, command, acting, now);

        assertThat(describe(outcome)).isEqualTo(expected);
        switch (outcome) {
            case Outcome.Changed<Negotiation, NegotiationEvent> changed -> {
                assertThat(changed.state().history()).startsWith(before.history().toArray(NegotiationEvent[]::new))
                        .endsWith(changed.events().toArray(NegotiationEvent[]::new))
                        .hasSize(before.history().size() + changed.events().size());
                assertThat(changed.events()).allSatisfy(event -> assertThat(event.at()).isAfterOrEqualTo(
                        before.history().get(before.history().size() - 1).at()));
            }
            case Outcome.Unchanged<Negotiation, NegotiationEvent> unchanged ->
                    assertThat(unchanged.state()).isSameAs(before);
            case Outcome.Refused<Negotiation, NegotiationEvent> refused ->
                    assertThat(refused.refusals()).singleElement()
                            .satisfies(refusal -> assertThat(refusal.kind()).isEqualTo(refusal.reason().kind()));
        }
    }

    @Test
    void theTableCoversEveryStateCommandAndActor() {
        long partyCommands = 4;
        long systemCommands = 2;
        assertThat(everyStateCommandAndActor()).hasSize((int) (State.values().length
                * (partyCommands * Acting.values().length + systemCommands)));
    }

    @Test
    void eachStateOfTheTableIsWhatItIsNamedFor() {
        for (State state : State.values()) {
            NegotiationStatus expected = switch (state) {
                case OPEN, OPEN_OFFER_LAPSED, OPEN_LAST_ROUND -> NegotiationStatus.OPEN;
                default -> NegotiationStatus.valueOf(state.name());
            };
            Negotiation negotiation = negotiationIn(state);
            assertThat(negotiation.status()).as("%s", state).isEqualTo(expected);
            assertThat(negotiation.currentOffer().author()).as("%s", state).isEqualTo(Side.CARRIER);
            assertThat(negotiation.currentOffer().round()).as("%s", state).isEqualTo(2);
        }
    }

    private static Outcome<Negotiation, NegotiationEvent> run(Negotiation negotiation, Command command, Acting acting,
            Instant now) {
        return switch (command) {
            case COUNTER -> negotiation.counter(acting.side, acting.partner,
                    terms(130_000, now.plus(Duration.ofHours(1))), AutoAcceptPrices.NONE, now);
            case ACCEPT -> negotiation.accept(acting.side, acting.partner, now);
            case REJECT -> negotiation.reject(acting.side, acting.partner, now);
            case WITHDRAW -> negotiation.withdraw(acting.side, acting.partner, now);
            case EXPIRE -> negotiation.expire(now);
            case SUPERSEDE -> negotiation.supersede(OTHER_NEGOTIATION_ID, now);
        };
    }

    private static String describe(Outcome<Negotiation, NegotiationEvent> outcome) {
        return switch (outcome) {
            case Outcome.Changed<Negotiation, NegotiationEvent> changed -> "→" + changed.state().status();
            case Outcome.Unchanged<Negotiation, NegotiationEvent> unchanged -> "=";
            case Outcome.Refused<Negotiation, NegotiationEvent> refused -> "!" + refused.reason();
        };
    }

    /** The shipper opens at NOW; the carrier counters (round 2, expiring at OFFER_EXPIRES); then the state. */
    static Negotiation negotiationIn(State state) {
        NegotiationRules rules = state == State.OPEN_LAST_ROUND || state == State.ROUNDS_EXHAUSTED
                ? NegotiationRules.DEFAULT.withMaxRounds(2) : NegotiationRules.DEFAULT;
        Instant counteredAt = NOW.plus(Duration.ofHours(1));
        Negotiation open = changed(openedByShipper(rules).counter(Side.CARRIER, CARRIER_PARTY,
                terms(140_000, OFFER_EXPIRES), AutoAcceptPrices.NONE, counteredAt));
        Instant at = counteredAt.plus(Duration.ofMinutes(30));
        return switch (state) {
            case OPEN, OPEN_OFFER_LAPSED, OPEN_LAST_ROUND -> open;
            case AGREED -> changed(open.accept(Side.SHIPPER, SHIPPER_PARTY, at));
            case REJECTED -> changed(open.reject(Side.SHIPPER, SHIPPER_PARTY, at));
            case WITHDRAWN -> changed(open.withdraw(Side.CARRIER, CARRIER_PARTY, at));
            case EXPIRED -> changed(open.expire(AFTER_EXPIRY));
            case ROUNDS_EXHAUSTED -> changed(open.reject(Side.SHIPPER, SHIPPER_PARTY, at));
            case SUPERSEDED -> changed(open.supersede(OTHER_NEGOTIATION_ID, at));
        };
    }
}
