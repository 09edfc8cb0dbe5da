package com.backhaulexchange.settlement.collaboration;

import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A set of partners under one versioned agreement (ADR 18). Immutable; every command returns a
 * {@link CollaborationOutcome}. Everything takes effect at a period boundary, so a settled period never
 * changes: accepting an invitation makes the partner a member from the next period (period 0 before the
 * start), an agreement change applies from the next period, and leaving ends the membership with the current
 * period.
 *
 * <p>Who may do what: anyone creates (as a member or as an organising broker); only the creator (the
 * organiser) invites and proposes agreement changes; only the invited partner accepts or declines; only an
 * active member leaves (the organiser too, when it is a member). Someone who is neither the organiser nor a
 * member is told the collaboration does not exist ({@link #NOT_FOUND}).
 */
public record Collaboration(String id, String name, PartnerId creator, CreatorRole creatorRole, List<Member> members,
        List<AgreementVersion> agreements) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_MEMBERS = 100;

    public static final String NAME_REQUIRED = "NAME_REQUIRED";
    public static final String NO_INVITEES = "NO_INVITEES";
    public static final String DUPLICATE_INVITEE = "DUPLICATE_INVITEE";
    public static final String TOO_MANY_MEMBERS = "TOO_MANY_MEMBERS";
    public static final String NOT_FOUND = "COLLABORATION_NOT_FOUND";
    public static final String NOT_THE_ORGANISER = "NOT_THE_ORGANISER";
    public static final String ALREADY_A_MEMBER = "ALREADY_A_MEMBER";
    public static final String NOT_INVITED = "NOT_INVITED";
    public static final String NOT_ACTIVE = "NOT_ACTIVE";

    public Collaboration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(creatorRole, "creatorRole");
        members = members.stream().sorted(Comparator.comparing(member -> member.partner().value())).toList();
        agreements = List.copyOf(agreements);
        if (agreements.isEmpty() || agreements.get(0).appliesFromPeriod() != 0) {
            throw new IllegalArgumentException("the first agreement version applies from period 0");
        }
    }

    /**
     * Creates a collaboration: the creator is the organiser and, as a {@link CreatorRole#MEMBER}, a member
     * from the first period boundary; the invitees are INVITED.
     */
    public static CollaborationOutcome create(String id, String name, PartnerId creator, CreatorRole role,
            Agreement agreement, List<PartnerId> invitees, Instant now) {
        List<Decision.Rejected> rejected = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            rejected.add(new Decision.Rejected(NAME_REQUIRED, "A name of 1 to " + MAX_NAME_LENGTH + " characters.",
                    "/name"));
        }
        if (agreement.version() != 1) {
            agreement = agreement.withVersion(1);
        }
        for (Decision.Rejected bad : AgreementPolicies.validate(agreement)) {
            rejected.add(new Decision.Rejected(bad.reasonCode(), bad.detail(), "/agreement" + bad.field()));
        }
        if (invitees.isEmpty()) {
            rejected.add(new Decision.Rejected(NO_INVITEES, "A collaboration invites at least one partner.",
                    "/invitees"));
        }
        Set<PartnerId> seen = new HashSet<>();
        if (role == CreatorRole.MEMBER) {
            seen.add(creator);
        }
        for (int i = 0; i < invitees.size(); i++) {
            if (!seen.add(invitees.get(i))) {
                rejected.add(new Decision.Rejected(DUPLICATE_INVITEE, "Partner " + invitees.get(i)
                        + " is named twice (or is the creating member).", "/invitees/" + i));
            }
        }
        if (seen.size() > MAX_MEMBERS) {
            rejected.add(new Decision.Rejected(TOO_MANY_MEMBERS, "At most " + MAX_MEMBERS + " members.", "/invitees"));
        }
        if (!rejected.isEmpty()) {
            return new CollaborationOutcome.Refused(rejected);
        }
        List<Member> members = new ArrayList<>();
        if (role == CreatorRole.MEMBER) {
            members.add(new Member(creator, MemberStatus.ACTIVE, agreement.schedule().nextBoundaryIndex(now), null));
        }
        invitees.forEach(invitee -> members.add(Member.invited(invitee)));
        return new CollaborationOutcome.Changed(new Collaboration(id, name, creator, role, members,
                List.of(new AgreementVersion(agreement, 0))));
    }

    /** The organiser invites a partner who is not (or no longer) a member. */
    public CollaborationOutcome invite(PartnerId by, PartnerId partner) {
        CollaborationOutcome refused = organiserOnly(by);
        if (refused != null) {
            return refused;
        }
        Optional<Member> existing = member(partner);
        if (existing.isPresent() && (existing.get().status() == MemberStatus.INVITED
                || existing.get().status() == MemberStatus.ACTIVE)) {
            return CollaborationOutcome.refused(ALREADY_A_MEMBER, "Partner " + partner + " is already "
                    + existing.get().status() + ".", "/partnerId");
        }
        if (existing.isEmpty() && members.size() >= MAX_MEMBERS) {
            return CollaborationOutcome.refused(TOO_MANY_MEMBERS, "At most " + MAX_MEMBERS + " members.", null);
        }
        return withMember(Member.invited(partner));
    }

    /** The invited partner accepts: it is a member from the next period boundary. */
    public CollaborationOutcome accept(PartnerId by, Instant now) {
        return invitedOnly(by).orElseGet(() -> withMember(new Member(by, MemberStatus.ACTIVE,
                schedule().nextBoundaryIndex(now), null)));
    }

    /** The invited partner declines. */
    public CollaborationOutcome decline(PartnerId by) {
        return invitedOnly(by).orElseGet(() -> withMember(new Member(by, MemberStatus.DECLINED, null, null)));
    }

    /**
     * An active member leaves: it takes part up to the end of the current period (a member whose first period
     * has not begun yet never takes part).
     */
    public CollaborationOutcome leave(PartnerId by, Instant now) {
        Optional<Member> member = member(by);
        if (member.isEmpty() && !by.equals(creator)) {
            return notFound();
        }
        if (member.isEmpty() || member.get().status() != MemberStatus.ACTIVE) {
            return CollaborationOutcome.refused(NOT_ACTIVE, "Only an active member leaves; you are "
                    + member.map(m -> m.status().name()).orElse("the organiser, not a member") + ".", null);
        }
        long lastPeriod = schedule().nextBoundaryIndex(now) - 1;
        return withMember(new Member(by, MemberStatus.LEFT, member.get().joinsAtPeriod(), lastPeriod));
    }

    /**
     * The organiser changes the terms from the next period on. A change already pending for that period is
     * replaced (its version number is reused); the schedule and currency stay as created.
     */
    public CollaborationOutcome proposeAgreement(PartnerId by, Agreement proposed, Instant now) {
        CollaborationOutcome refused = organiserOnly(by);
        if (refused != null) {
            return refused;
        }
        Agreement current = agreements.get(agreements.size() - 1).agreement();
        List<Decision.Rejected> rejected = AgreementPolicies.validateChange(current, proposed);
        if (!rejected.isEmpty()) {
            return new CollaborationOutcome.Refused(rejected);
        }
        long from = schedule().nextBoundaryIndex(now);
        List<AgreementVersion> next = new ArrayList<>(agreements);
        AgreementVersion last = next.get(next.size() - 1);
        int version = current.version() + 1;
        if (last.appliesFromPeriod() >= from && next.size() > 1) {
            next.remove(next.size() - 1);
            version = current.version();
        } else if (last.appliesFromPeriod() >= from) {
            // The first version has not governed a period yet: the change replaces it as of period 0.
            next.remove(next.size() - 1);
            from = 0;
        }
        next.add(new AgreementVersion(proposed.withVersion(version), from));
        return new CollaborationOutcome.Changed(new Collaboration(id, name, creator, creatorRole, members, next));
    }

    public PeriodSchedule schedule() {
        return agreements.get(0).agreement().schedule();
    }

    /** The agreement governing period {@code index}. */
    public Agreement agreementFor(long index) {
        Agreement governing = agreements.get(0).agreement();
        for (AgreementVersion version : agreements) {
            if (version.appliesFromPeriod() <= index) {
                governing = version.agreement();
            }
        }
        return governing;
    }

    /** The partners taking part in period {@code index}, ordered by partner id (the settlement order). */
    public List<PartnerId> activeMembers(long index) {
        return members.stream().filter(member -> member.isActiveIn(index)).map(Member::partner).toList();
    }

    public Optional<Member> member(PartnerId partner) {
        return members.stream().filter(member -> member.partner().equals(partner)).findFirst();
    }

    /** The periods after {@code lastSettledIndex} (−1: none settled yet) that have closed at {@code now}. */
    public List<SettlementPeriod> periodsDue(Instant now, long lastSettledIndex) {
        List<SettlementPeriod> due = new ArrayList<>();
        for (long index = lastSettledIndex + 1; ; index++) {
            SettlementPeriod period = schedule().period(index);
            if (period.closesAt().isAfter(now)) {
                return due;
            }
            due.add(period);
        }
    }

    private CollaborationOutcome withMember(Member changed) {
        List<Member> next = new ArrayList<>(members.stream()
                .filter(member -> !member.partner().equals(changed.partner())).toList());
        next.add(changed);
        return new CollaborationOutcome.Changed(new Collaboration(id, name, creator, creatorRole, next, agreements));
    }

    private CollaborationOutcome organiserOnly(PartnerId by) {
        if (by.equals(creator)) {
            return null;
        }
        return member(by).isPresent()
                ? CollaborationOutcome.refused(NOT_THE_ORGANISER, "Only the organiser may do this.", null)
                : notFound();
    }

    private Optional<CollaborationOutcome> invitedOnly(PartnerId by) {
        Optional<Member> member = member(by);
        if (member.isEmpty()) {
            return Optional.of(notFound());
        }
        if (member.get().status() != MemberStatus.INVITED) {
            return Optional.of(CollaborationOutcome.refused(NOT_INVITED, "There is no open invitation: you are "
                    + member.get().status() + ".", null));
        }
        return Optional.empty();
    }

    private static CollaborationOutcome notFound() {
        return CollaborationOutcome.refused(NOT_FOUND, "No such collaboration.", null);
    }
}
